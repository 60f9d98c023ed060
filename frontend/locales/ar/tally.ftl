# The projector tally and the list of elections (ar).

## The projector
tally-title = نتائج الانتخاب
tally-waiting = في انتظار الأرقام الأولى…
tally-votes-cast = { $count ->
        [zero] أصوات مُدلى بها
        [one] صوت مُدلى به
        [two] صوتان مُدلى بهما
        [few] أصوات مُدلى بها
        [many] صوتًا مُدلى به
       *[other] صوت مُدلى به
    } · { $voters } { $voters ->
        [zero] ناخب
        [one] ناخب
        [two] ناخبان
        [few] ناخبين
        [many] ناخبًا
       *[other] ناخب
    }
tally-weight-voted = الوزن المُصوِّت · من أصل { $weight }
tally-turnout = نسبة المشاركة
tally-turnout-hidden = نسبة المشاركة: تبقى الأعداد مخفية حتى نشر النتائج
tally-turnout-label = نسبة المشاركة
tally-log = السجل العام: { $entries } { $entries ->
        [zero] إدخال
        [one] إدخال
        [two] إدخالان
        [few] إدخالات
        [many] إدخالًا
       *[other] إدخال
    } · الجذر
tally-log-waiting = السجل العام: في انتظار أول نقطة تحقق
tally-audit = التدقيق

## The list of elections
tally-elections-title = الانتخابات
tally-elections-choose = اختر انتخابك
tally-elections-loading = جارٍ التحميل…
