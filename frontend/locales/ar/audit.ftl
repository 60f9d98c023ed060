# The audit page (ar).

## The page
# $title is the election's title (or its id).
audit-title = التدقيق: { $title }
audit-check-title = التحقق من إيصال
audit-link-vote = التصويت
audit-link-tally = عرض جهاز العرض
audit-link-elections = كل الانتخابات

## The public log and its latest checkpoint
audit-log-title = السجل العام
audit-log-intro = كل حدث في هذا الانتخاب، في صورة أسطر يمكن لأي شخص تنزيلها وحساب تجزئتها. توقّع النسخ المتماثلة حجمه وجذره، وتتحقق هذه الصفحة بنفسها من تواقيعها.
audit-entries = الإدخالات
audit-root = الجذر
audit-signed-at = وقت التوقيع
audit-signers = الموقّعون
audit-checkpoint-fetching = جارٍ جلب أحدث نقطة تحقق…
audit-checkpoint-failed = لا توجد نقطة تحقق بعد: { $why }
audit-keys-fetching = جارٍ جلب مفاتيح النسخ المتماثلة…
audit-keys-failed = تعذّر جلب المفاتيح: { $why }
audit-no-keys = لا يُدرج الخادم أي مفتاح توقيع.
# The rule of audit-signed-by and audit-too-few-signatures ($rule).
audit-only-replica-signs = يجب أن توقّع النسخة المدرجة الوحيدة
audit-replicas-must-sign = يجب أن يوقّع { $needed } من النسخ المدرجة البالغ عددها { $listed }
# $count replicas signed validly, $list is their numbers ("1, 2 and 3").
audit-signed-by = موقّع من { $count ->
        [zero] النسخ
        [one] النسخة
        [two] النسختين
        [few] النسخ
        [many] النسخ
       *[other] النسخ
    } { $list } ({ $rule }).
audit-too-few-signatures = { $count ->
        [zero] لا يوجد أي توقيع صالح
        [one] لا يوجد سوى توقيع صالح واحد
        [two] لا يوجد سوى توقيعين صالحين
        [few] لا يوجد سوى { $count } تواقيع صالحة
        [many] لا يوجد سوى { $count } توقيعًا صالحًا
       *[other] لا يوجد سوى { $count } توقيع صالح
    }: { $rule }. لا تثق بهذا السجل.

## The bulletin board
audit-board-title = لوحة النشر العامة
audit-board-intro = كل ورقة اقتراع مع اختيارها، ولا تظهر هوية ناخبها أبدًا. لكن المخزن الخاص للنسخ المتماثلة ما زال يربط الناخبين بأوراقهم: لا يوجد تشفير.
audit-board-waiting = تظهر لوحة النشر هنا فور نشر النتائج.
audit-board-loading = جارٍ جلب السجل: { $fetched } من أصل { $count } { $count ->
        [zero] إدخال
        [one] إدخال
        [two] إدخالين
        [few] إدخالات
        [many] إدخالًا
       *[other] إدخال
    }…
audit-board-fetch-failed = تعذّر جلب السجل: { $why }
audit-board-not-signed = السجل غير موقّع من عدد كافٍ من النسخ المتماثلة، لذا لا يوجد ما يُعاد فرزه.
audit-board-not-signed-log = الإدخالات التي أرسلها الخادم ليست السجل الذي وقّعته النسخ المتماثلة.
audit-entry-unreadable = تتعذّر قراءة الإدخال { $index } من السجل.
audit-entry-out-of-place = يذكر الإدخال { $index } من السجل أنه ينتمي إلى موضع آخر: لقد نُقلت إدخالات أو أُضيفت.
audit-entry-unknown-superseded = يحلّ الإدخال { $index } من السجل محلّ ورقة اقتراع غير موجودة في السجل قبله.
audit-recount-matches = إعادة الفرز تطابق النتيجة المنشورة.
audit-recount-differs = إعادة الفرز لا تطابق النتيجة المنشورة.
audit-recount-waiting = في انتظار النتيجة المنشورة للمقارنة بها…
audit-col-candidate = المرشح
audit-col-published = المنشور
audit-col-recounted = المُعاد فرزه هنا
# $count ballots in the log, $counted of them count.
audit-board-summary = { $count ->
        [zero] لا توجد أي ورقة اقتراع
        [one] ورقة اقتراع واحدة
        [two] ورقتا اقتراع
        [few] { $count } أوراق اقتراع
        [many] { $count } ورقة اقتراع
       *[other] { $count } ورقة اقتراع
    } في السجل، احتُسب منها { $counted } (التصويت من جديد يحلّ محلّ الورقة التي يسمّيها).
audit-col-entry = الإدخال
audit-col-ballot = الورقة
audit-col-choice = الاختيار
audit-col-counted = الاحتساب
audit-replaced = استُبدلت بتصويت لاحق
audit-counted = محتسبة
# A candidate whose name the page does not know.
audit-candidate = المرشح { $id }
audit-blank = ورقة بيضاء

## Each question recounted
audit-questions-title = إعادة فرز كل سؤال هنا
audit-questions-intro = يُعاد فرز كل سؤال في هذا المتصفح انطلاقًا من أوراق الاقتراع أعلاه، بالقواعد نفسها والقرعات نفسها (المستمدة من السجل)، ثم يُقارن بالنتيجة المنشورة حتى آخر رقم.
audit-agrees = مطابق
audit-differs = مختلف
audit-pending = قيد الانتظار
audit-agrees-long = يطابق النتيجة المنشورة.
audit-differs-long = يختلف عن النتيجة المنشورة.
# Before a question's id, when it has no title.
audit-question = السؤال
audit-recounted-passed = بعد إعادة الفرز: أُقِرّ
audit-recounted-rejected = بعد إعادة الفرز: رُفض
audit-recounted-no-winner = بعد إعادة الفرز: لا فائز
# Before the winners' names.
audit-recounted-winners = { $count ->
        [zero] الفائزون بعد إعادة الفرز:
        [one] الفائز بعد إعادة الفرز:
        [two] الفائزان بعد إعادة الفرز:
        [few] الفائزون بعد إعادة الفرز:
        [many] الفائزون بعد إعادة الفرز:
       *[other] الفائزون بعد إعادة الفرز:
    }
audit-recount-in-full = إعادة الفرز كاملة
# Around a question's id: a question the results publish but the log's ballot lacks.
audit-question-not-on-ballot-before = السؤال «
audit-question-not-on-ballot-after = » منشور لكنه ليس في ورقة الاقتراع التي يحددها السجل.
