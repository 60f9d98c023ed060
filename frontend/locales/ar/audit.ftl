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

## Trustee page: key ceremony and decryption
audit-trustee-doc-title = Ballot: أمين المفاتيح
audit-trustee-title = أمين المفاتيح: مراسم المفاتيح وفك التشفير
audit-trustee-no-token = تحتاج هذه الصفحة إلى رابطك الخاص بوصفك أمينًا، كاملًا (مع الجزء الذي يلي «#token=»). افتح الرابط الذي أُرسل إليك.
audit-trustee-loading = جارٍ التحقق من رابطك…
# Before the election's id.
audit-trustee-election = الانتخاب:
# Before the trustee's name.
audit-trustee-who = أنت الأمين رقم { $id } من أصل { $count }:
audit-trustee-threshold = { $count ->
        [zero] أي { $threshold } من الأمناء يستطيعون معًا فك تشفير النتيجة، ولا يستطيع ذلك عدد أقل.
        [one] أنت الأمين الوحيد: مفتاحك وحده يفك تشفير النتيجة.
        [two] يستطيع الأمينان معًا فك تشفير النتيجة إذا اجتمع { $threshold } منهما، ولا يستطيع ذلك عدد أقل.
        [few] أي { $threshold } من الأمناء الـ{ $count } يستطيعون معًا فك تشفير النتيجة، ولا يستطيع ذلك عدد أقل.
        [many] أي { $threshold } من الأمناء الـ{ $count } يستطيعون معًا فك تشفير النتيجة، ولا يستطيع ذلك عدد أقل.
       *[other] أي { $threshold } من الأمناء الـ{ $count } يستطيعون معًا فك تشفير النتيجة، ولا يستطيع ذلك عدد أقل.
    }
audit-trustee-ceremony-title = مراسم المفاتيح
audit-trustee-view-loading = جارٍ قراءة حالة المراسم…
audit-trustee-start = بدء مراسم المفاتيح
audit-trustee-start-hint = يُنشئ متصفحك مفتاحك السري. لا تُرسل إلا أجزاؤه العامة؛ ويبقى السر هنا وفي ملف مفتاحك.
audit-trustee-started = أُنشئ مفتاحك. نزّل ملف مفتاحك الآن، ثم أبقِ هذه الصفحة مفتوحة.
audit-trustee-sent = أُرسل جزؤك.
audit-trustee-key-ready = مفتاحك جاهز.
audit-trustee-need-file = مراسمك جارية: حمّل ملف مفتاحك للمتابعة.
audit-trustee-keep-open = في انتظار الأمناء الآخرين. تتحقق هذه الصفحة كل ثانيتين؛ أبقِها مفتوحة.
audit-trustee-loaded = حُمّل ملف المفتاح.
audit-trustee-no-randomness = لا يوفّر هذا المتصفح أرقامًا عشوائية آمنة. استخدم متصفحًا آخر.
# Followed by where and why, in the library's words.
audit-trustee-proof-failed = رفض متصفحك جزءًا من المراسم:
audit-trustee-file-unreadable = هذا الملف ليس ملف مفتاح أمين.
audit-trustee-file-other-election = ملف المفتاح هذا يخص انتخابًا آخر.
audit-trustee-file-other-trustee = ملف المفتاح هذا يخص أمينًا آخر.

## Trustee page: the key file
audit-trustee-file-title = ملف مفتاحك
audit-trustee-file-warning = بدون ملف مفتاحك لا يمكنك فك التشفير: لا يملك أي خادم سرّك. احفظ الملف في مكان آمن وخاص.
audit-trustee-file-final = مفتاحك جاهز. نزّل ملف مفتاحك مرة أخرى واحتفظ بهذا الملف: فهو الذي يفك التشفير بعد إغلاق التصويت.
audit-trustee-download = تنزيل ملف مفتاحي
audit-trustee-load = تحميل ملف مفتاحي
audit-trustee-load-hint = لمتابعة المراسم في زيارة أخرى، أو لفك التشفير بعد إغلاق التصويت.

## Trustee page: decryption
audit-trustee-decrypt-title = فك التشفير
audit-trustee-decrypt-later = يبدأ فك التشفير عند إغلاق التصويت. عُد حينها بهذا الرابط وملف مفتاحك.
audit-trustee-decrypt-needs-file = حمّل ملف مفتاحك لفك التشفير.
audit-trustee-decrypt = فك تشفير حصتي
audit-trustee-decrypting = جارٍ فك التشفير…
audit-trustee-decrypted-mine = وصلت حصتك من فك التشفير.
audit-trustee-decrypted-all = فُكّ تشفير الفرز: يمكن نشر النتائج.
# Followed by the names of the trustees who have not decrypted yet.
audit-sealed-waiting = { $count ->
        [zero] مختوم: لا ننتظر أي أمين آخر:
        [one] مختوم: في انتظار أمين واحد آخر:
        [two] مختوم: في انتظار أمينين آخرين:
        [few] مختوم: في انتظار { $count } أمناء آخرين:
        [many] مختوم: في انتظار { $count } أمينًا آخر:
       *[other] مختوم: في انتظار { $count } أمين آخر:
    }

## Where the ceremony stands, trustee by trustee
audit-stage-no-trustees = لم يُسمَّ أي أمين بعد.
audit-stage-commitments = الجولة 1 من 3: يلتزم كل أمين بسرّ.
audit-stage-polynomials = الجولة 2 من 3: ينشر كل أمين الجزء العام من سرّه.
audit-stage-shares = الجولة 3 من 3: يرسل كل أمين إلى الآخرين حصصهم المختومة.
audit-stage-key-published = نُشر مفتاح الانتخاب: يمكن فتح التصويت.
audit-stage-decrypting = أُغلق التصويت: يفك الأمناء تشفير الفرز.
audit-stage-decrypted = فُكّ تشفير الفرز.
audit-trustee-col-trustee = الأمين
audit-trustee-col-commitment = الالتزام
audit-trustee-col-polynomial = الجزء العام
audit-trustee-col-shares = الحصص
audit-trustee-col-decryption = فك التشفير
audit-trustee-part-in = وصل
audit-trustee-part-missing = قيد الانتظار
audit-trustee-you = (أنت)

## Secret ballots of a verifiable election, checked from the log
audit-secret-title = أوراق الاقتراع السرية
audit-secret-intro = تُفحص في هذا المتصفح انطلاقًا من السجل الموقّع وحده: مفتاح كل أمين، وبراهين كل ورقة اقتراع مختومة، والفرز المشفّر للأوراق المحسوبة، وكل فك تشفير، والمجاميع بعد فك التشفير.
audit-secret-checking = جارٍ فحص أوراق الاقتراع السرية…
audit-secret-fetch-failed = تعذّر جلب السجل: { $why }
audit-secret-not-verifiable = لا يسجّل السجل هذا الانتخاب على أنه قابل للتحقق.
# Followed by where the check failed and why, in the checker's words.
audit-secret-failed = فشل الفحص عند
audit-secret-passed = جميع البراهين صحيحة.
audit-secret-ballots = { $count ->
        [zero] لم تُفحص أي ورقة مختومة، وحُسبت { $counted }.
        [one] فُحصت ورقة مختومة واحدة، وحُسبت { $counted }.
        [two] فُحصت ورقتان مختومتان، وحُسبت { $counted }.
        [few] فُحصت { $count } أوراق مختومة، وحُسبت { $counted }.
        [many] فُحصت { $count } ورقة مختومة، وحُسبت { $counted }.
       *[other] فُحصت { $count } ورقة مختومة، وحُسبت { $counted }.
    }
audit-secret-trustees = { $count ->
        [zero] لم يُفحص مفتاح أي أمين؛ ويلزم { $threshold } لفك التشفير.
        [one] فُحص مفتاح أمين واحد؛ ويلزم { $threshold } لفك التشفير.
        [two] فُحص مفتاحا أمينين؛ ويلزم { $threshold } لفك التشفير.
        [few] فُحصت مفاتيح { $count } أمناء؛ ويلزم { $threshold } لفك التشفير.
        [many] فُحصت مفاتيح { $count } أمينًا؛ ويلزم { $threshold } لفك التشفير.
       *[other] فُحصت مفاتيح { $count } أمين؛ ويلزم { $threshold } لفك التشفير.
    }
audit-secret-key-checked = يطابق مفتاح الانتخاب الأجزاء العامة للأمناء.
audit-secret-key-waiting = لم يُنشر مفتاح الانتخاب بعد.
audit-secret-decryptions = { $count ->
        [zero] لم يُفحص فك تشفير أي أمين.
        [one] فُحص فك تشفير أمين واحد.
        [two] فُحص فك تشفير أمينين.
        [few] فُحص فك تشفير { $count } أمناء.
        [many] فُحص فك تشفير { $count } أمينًا.
       *[other] فُحص فك تشفير { $count } أمين.
    }
audit-secret-sums-title = المجاميع بعد فك التشفير
audit-secret-col-sum = الأصوات
audit-secret-sealed = لا يزال الفرز مختومًا: لا مجاميع بعد.

## تحقق بيناло من ورقة لم يُدلِ بها الناخب
audit-challenge-title = تحقق من ورقة لم تُدلِ بها
audit-challenge-intro = الصق ما عرضته صفحة التصويت حين اخترت «تحقق من هذه الورقة» (أو ما طبعه ballot vote --challenge). تشفّر هذه الصفحة الاختيارات من جديد انطلاقًا من البذرة وتقارن.
audit-challenge-label = الورقة المتحقَّق منها (JSON)
audit-challenge-check = تحقق من الورقة
audit-challenge-checking = جارٍ التحقق…
audit-challenge-holds = تشفّر هذه الورقة الاختيارات أدناه بالضبط (الخيارات بأرقامها). رمز تتبعها:
audit-challenge-none = لا شيء
audit-challenge-not-cast = لم يُدلَ بها، كما يجب لورقة متحقَّق منها.
audit-challenge-was-cast = تنبيه: أُدلي بهذه الورقة المتحقَّق منها. بذرتها علنية، فيستطيع أي شخص قراءة اختياراتها.
audit-challenge-unreadable = هذه ليست ورقة متحقَّقًا منها: الصق نص JSON كاملًا بما فيه ballot وseed وmarks.
audit-challenge-no-key = لم يُنشر مفتاح لهذا الانتخاب بعد: لا يمكن أن تكون أي ورقة قد شُفّرت به.
audit-challenge-fails = هذه الورقة لا تشفّر هذه الاختيارات بهذه البذرة:
