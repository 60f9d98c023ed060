# The election form and its question editor (ar).

## The admin's list of elections
editor-elections-title = الانتخابات
editor-admin-pages = صفحات الإدارة
editor-original-console = لوحة الانتخابات الأصلية
editor-public-list = القائمة العامة
editor-forget-token = نسيان الرمز
editor-all-elections = كل الانتخابات
editor-loading = جارٍ التحميل…
editor-creating = جارٍ إنشاء الانتخابات…
# $title: the election's title, as the admin typed it.
editor-created = أُنشئت «{ $title }».

## The form for a new election
editor-new-election = انتخابات جديدة
editor-title = العنوان
editor-description = الوصف (اختياري)
editor-election-id = المعرّف في العنوان الإلكتروني (اختياري)
editor-election-id-placeholder = مأخوذ من العنوان
# The characters and the address stay as they are: they are what the field accepts.
editor-election-id-hint = من { $min } إلى { $max } من الأحرف a–z والأرقام 0–9 والشرطة -؛ سيفتح الناخبون ‎/e/<id>‎.
editor-simple-hint = ورقة اقتراع بسيطة: سؤال واحد واختيار واحد. أضف سؤالًا لعدة أسئلة أو للترتيب حسب الأفضلية أو لعدة مقاعد أو لاستفتاء.
editor-add-question = إضافة سؤال
editor-login-legend = كيف يدخل الناخبون
# Each option is its name in bold followed by its explanation, which starts with the colon.
editor-login-credential = رمز الدخول
editor-login-credential-detail = : يتلقى كل ناخب رمزًا سريًا عند استيراد سجل الناخبين.
editor-login-name-and-id = الاسم ورقم الناخب
editor-login-name-and-id-detail = : يكتب الناخبون اسمهم ورقمهم، كما في الانتخابات الأصلية.
editor-options-legend = الخيارات
editor-option-live-results = نتائج مباشرة
editor-option-live-results-detail = : يرى الناخبون وجهاز العرض الأعداد أثناء فتح التصويت، لا نسبة المشاركة فقط.
editor-option-revoting = إعادة التصويت
editor-option-revoting-detail = : يجوز للناخب التصويت مرة أخرى ما دام التصويت مفتوحًا؛ ولا يُحتسب إلا آخر صوت.
editor-option-self-registration = التسجيل الذاتي
editor-option-self-registration-detail = : يجوز لأي شخص أن يسجّل نفسه في سجل الناخبين (مع الدخول بالاسم والرقم فقط).
editor-secrecy-legend = سرية الاقتراع
editor-secrecy-open = مفتوح
editor-secrecy-open-detail = : تفرز الخوادم الأصوات؛ ويُخفي السجل العام من صوّت لمن.
editor-secrecy-verifiable = قابل للتحقق
editor-secrecy-verifiable-detail = : تُشفَّر كل ورقة اقتراع في متصفح الناخب، ولا يستطيع فك تشفير الفرز إلا الأمناء الذين تسميهم مجتمعين، ويمكن لأي شخص التحقق منه (أسئلة الأغلبية والموافقة والاستفتاء؛ دون نتائج مباشرة).
editor-create = إنشاء الانتخابات

## One question of the ballot
editor-question-heading = السؤال { $number }
# Followed by the question's title.
editor-question-heading-titled = السؤال { $number }:
editor-question-move-up = نقل السؤال { $number } إلى الأعلى
editor-question-move-down = نقل السؤال { $number } إلى الأسفل
editor-question-remove = حذف السؤال { $number }
editor-question-id = المعرّف (اختياري)
editor-question-id-hint = من { $min } إلى { $max } من الأحرف a–z والأرقام 0–9 والشرطة -؛ تذكر رسائل الخطأ السؤال به.
editor-method = طريقة الفرز
editor-method-plurality = الأغلبية النسبية
editor-method-approval = التصويت بالموافقة
editor-method-irv = الجولة الثانية الفورية (IRV)
editor-method-stv = الصوت الواحد المتحوّل (STV)
editor-method-schulze = طريقة شولتز
editor-method-referendum = استفتاء
editor-seats = المقاعد المطلوب شغلها
editor-max-choices = أقصى عدد من المرشحين يمكن للناخب تحديده
editor-max-choices-plurality = بقدر عدد المقاعد
editor-max-choices-any = أي عدد
editor-threshold-legend = يُعتمد بـ
editor-threshold-majority = «نعم» أكثر من «لا» (أغلبية)
editor-threshold-two-thirds = ثلثا الأصوات «نعم» على الأقل
editor-referendum-hint = خيارا الاستفتاء هما «نعم» و«لا»؛ ولا تُحتسب الإجابات الفارغة.
editor-question-candidates = مرشحو السؤال { $number }، بترتيب ورقة الاقتراع

## The candidates of a ballot
editor-candidates-legend = المرشحون، بترتيب ورقة الاقتراع
editor-candidate = المرشح { $number }
editor-candidate-move-up = نقل المرشح { $number } إلى الأعلى
editor-candidate-move-down = نقل المرشح { $number } إلى الأسفل
editor-candidate-remove = حذف المرشح { $number }
editor-add-candidate = إضافة مرشح

## The preview of the voter's ballot
editor-preview-summary = ورقة اقتراع الناخب (معاينة)
editor-preview-yes = نعم
editor-preview-no = لا
editor-preview-unnamed = (المرشح { $number } بلا اسم بعد)
