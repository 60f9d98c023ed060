# The voter page (ar).

## The voter page
voter-title = اقتراع
voter-loading = جارٍ تحميل الانتخاب…
clock-offset = فرق الساعة عن الخادم: { $offset } (±{ $margin } مللي ثانية)
clock-synchronising = جارٍ ضبط الساعة…
results-title = النتائج
link-all-elections = كل الانتخابات
link-projector = عرض الشاشة الكبيرة
link-audit = تدقيق السجل العام

## What the voter page says in its notice line
notice-sending-again = جارٍ إرسال صوتك مرة أخرى…
notice-session-ended = انتهت جلستك؛ يُرجى تسجيل الدخول مجددًا.
notice-welcome = أهلًا، { $name }.
notice-link-login = جارٍ تسجيل دخولك برابطك الشخصي…
notice-sending = جارٍ إرسال صوتك…
notice-wrong-login = الاسم أو رقم الناخب غير صحيح: لا يطابقان أحدًا في السجل. تحقق منهما وحاول مجددًا.
notice-registered = أنت الناخب رقم { $id }. احتفظ بهذا الرقم لتسجيل الدخول مجددًا.
notice-counted = شكرًا: تم احتساب صوتك.
notice-replaced = شكرًا: تم احتساب صوتك الجديد ويحل محل السابق.

## Logging in
login-title = تسجيل الدخول
login-name = الاسم
login-voter-id = رقم الناخب
register-title = ناخب جديد
register-name = اسمك
register-hint = ستحصل على رقم ناخب؛ احتفظ به لتسجيل الدخول مجددًا.
register-submit = التسجيل والدخول
credential-label = رمز الدخول الخاص بك
credential-hint = الصق رمز الدخول الذي وصلك. لا تهم الأحرف الكبيرة ولا المسافات ولا الشرطات.

## The logged-in voter's panel
panel-who = مسجَّل الدخول باسم { $name } (الناخب رقم { $id })
panel-logout = تسجيل الخروج
ballot-note-setup = لم يبدأ التصويت بعد. تُفتح ورقة الاقتراع عندما تبدأ الإدارة الانتخاب.
ballot-note-deadline = انتهت المهلة: لم تعد الأصوات مقبولة.
ballot-note-closed = التصويت مغلق.
change-title = غيّر صوتك
change-intro = صوتك الجديد يحل محل السابق؛ الأخير وحده يُحتسب.
change-intro-ballot = ورقتك الجديدة تحل محل السابقة؛ الأخيرة وحدها تُحتسب.
keep-vote = أبقِ صوتي
change-vote = غيّر صوتي
voted-title = ✓ لقد صوّتَّ
voted-private = صوتك مسجَّل. جدول الناخبين والبث المباشر لا يُظهران أبدًا من اخترت.
voted-receipt = الإيصال: الصوت
voted-pending = قيد الانتظار
choose-candidate = اختر مرشحًا
your-ballot = ورقة اقتراعك
ballot-intro = أجب عن كل سؤال، ثم راجع إجاباتك قبل الإدلاء بالورقة. السؤال الذي تتركه دون إجابة يُحتسب فارغًا.

## The ballot and its review
candidates-label = المرشحون
vote-for = صوّت لـ{ $name }
vote = صوّت
sending = جارٍ الإرسال…
review-title = راجع ورقة اقتراعك
review-blank-warning =
    { $count ->
        [zero] لم تترك أي سؤال فارغًا. الإدلاء بالورقة؟
        [one] تركت سؤالًا واحدًا فارغًا. الإدلاء بالورقة رغم ذلك؟
        [two] تركت سؤالين فارغين. الإدلاء بالورقة رغم ذلك؟
        [few] تركت { $count } أسئلة فارغة. الإدلاء بالورقة رغم ذلك؟
        [many] تركت { $count } سؤالًا فارغًا. الإدلاء بالورقة رغم ذلك؟
       *[other] تركت { $count } سؤالًا فارغًا. الإدلاء بالورقة رغم ذلك؟
    }
cast-ballot = أدلِ بالورقة
change-answers = غيّر الإجابات

## The voter's receipt
receipt-title = إيصالك
receipt-fingerprint = بصمة الورقة:
receipt-entry = · المدخل { $index } من السجل العام
receipt-download = تنزيل الإيصال
receipt-verify = تحقّق
receipt-audit = صفحة التدقيق
receipt-privacy = يثبت الإيصال أن ورقتك سُجّلت في السجل الذي توقّعه النسخ المتماثلة، ويتحقق زر «تحقّق» من أنها ما زالت فيه. لكنه لا يخفي اختيارك: لا يشفّر Ballot أوراق الاقتراع، والمخزن الخاص للنسخ يربط كل ناخب بورقته، ومن يرى هذا الإيصال يستطيع العثور على ورقته في السجل العام. احتفظ به لنفسك.

## A ballot of questions
voter-question-number = السؤال { $number }
voter-review = مراجعة
voter-referendum-yes = نعم
voter-referendum-no = لا
voter-credential-placeholder = XXXXX-XXXXX-XXXXX-XXXXX

## Marking candidates
voter-marks-chosen =
    { $picked ->
        [zero] لم تختر شيئًا من { $max }
        [one] اخترت واحدًا من { $max }
        [two] اخترت اثنين من { $max }
        [few] اخترت { $picked } من { $max }
        [many] اخترت { $picked } من { $max }
       *[other] اخترت { $picked } من { $max }
    }
voter-marks-limit = هذا أقصى ما يمكنك اختياره. لاختيار خيار آخر، ألغِ أولًا تحديد أحد اختياراتك.

## Rank numbers
voter-ranks-help = أعطِ كل مرشح ترتيبًا من { $first } (الاختيار الأول) إلى { $most }. أعطِ الرقم نفسه لمرشحين لتجعلهما متساويين، واترك الحقل فارغًا لتترك ذلك المرشح بلا ترتيب.
voter-ranks-error = هذا ليس ترتيبًا، لذا يبقى المرشح بلا ترتيب. أدخل عددًا صحيحًا من { $first } إلى { $most }، أو أفرغ الحقل.

## Ranking candidates
voter-ranking-intro = ترتيبك، الاختيار الأول أولًا:
voter-ranking-empty = لم ترتّب أحدًا بعد: الإجابة فارغة.
voter-ranked = المرتَّبون
voter-unranked-heading = غير المرتَّبين:
voter-unranked = غير المرتَّبين
voter-rank-place = { $place }.
voter-move-up = إلى الأعلى
voter-move-up-label = انقل { $name } إلى الأعلى
voter-move-down = إلى الأسفل
voter-move-down-label = انقل { $name } إلى الأسفل
voter-remove = إزالة
voter-remove-label = إزالة { $name } من الترتيب
voter-add = أضِف إلى الترتيب
voter-add-label = أضِف { $name } إلى الترتيب

## Answers on the review
voter-answer-blank = فارغة
voter-answer-separator = {"، "}
voter-answer-equal = {" = "}

## A verifiable election's sealed ballot
voter-seal-ballot = اختم ورقة الاقتراع
voter-seal-title = ورقة اقتراعك المختومة
voter-seal-intro = تُشفَّر اختياراتك في هذا المتصفح: لا يستطيع أي خادم أو مسؤول أو أمين بمفرده قراءتها.
voter-seal-loading = جارٍ جلب مفتاح الانتخاب…
voter-seal-sealing = جارٍ ختم ورقة اقتراعك…
voter-seal-sealed = خُتمت ورقة اقتراعك. أدلِ بها، أو تحقق منها أولًا.
voter-seal-not-open = لم يُفتح التصويت بعد: لم ينشر الأمناء مفتاح الانتخاب.
voter-seal-no-random = لا يستطيع هذا المتصفح توليد الأرقام العشوائية الآمنة التي تحتاجها ورقة الاقتراع المختومة. يُرجى استخدام متصفح آخر.
voter-seal-failed = تعذّر ختم ورقة اقتراعك:
voter-seal-checking = جارٍ التحقق من ورقة الاقتراع…
voter-seal-cast = أدلِ بها
voter-seal-check = تحقق من هذه الورقة
voter-seal-again = اختم من جديد
voter-tracking-code = رمز التتبع:
voter-tracking-hint = يكشف التحقق كيف خُتمت هذه الورقة، لذا تُستبعد بعده وتُختم اختياراتك من جديد برمز تتبع جديد. بعد الإدلاء بها، يظهر رمز تتبع ورقتك في السجل العام.
voter-check-title = التحقق من ورقة الاقتراع
voter-check-intro = لن يُدلى بهذه الورقة أبدًا. بالبذرة والعلامات أدناه، يستطيع أي شخص ختم اختياراتك من جديد ويجب أن يحصل على هذه الورقة بعينها: وهذا يثبت أن الصفحة ختمت ما اخترته.
voter-check-seed = البذرة:
voter-check-marks = العلامات:
voter-check-json = كل ما يلزم للتحقق منها في مكان آخر (JSON):
voter-check-audit = تحقق منها مجددًا في صفحة التدقيق
voter-check-ok = ✓ تتضمن هذه الورقة اختياراتك بالضبط. وقد استُبعدت: اختم ورقة اقتراعك من جديد للإدلاء بها.
voter-check-bad = ✗ لا تتضمن هذه الورقة اختياراتك. لا تصوّت من هذا الجهاز، وأبلغ منظمي الانتخاب:
voter-cast-tracking-title = ورقة اقتراعك المختومة
voter-cast-tracking-hint = ابحث عن هذا الرمز في السجل العام لترى أن ورقتك احتُسبت كما أدليت بها:
receipt-privacy-sealed = يثبت الإيصال أن ورقتك سُجّلت في السجل الذي توقّعه النسخ المتماثلة، ويتحقق زر «تحقّق» من أنها لا تزال فيه. اختياراتك مختومة: لا يحوي السجل إلا ورقتك المشفّرة، ولا يفك الأمناء إلا تشفير المجموع.
