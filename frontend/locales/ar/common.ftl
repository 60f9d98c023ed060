# Ballot's words shared by every page (ar).

## Every page
language-label = اللغة
contrast-label = تباين عالٍ
text-size-label = حجم النص
text-size-option = { $percent }٪
connection-connecting = جارٍ الاتصال…
connection-live = مباشر
connection-reconnecting = جارٍ إعادة الاتصال… (المحاولة { $attempt }، التالية بعد { $seconds } ث)
connection-refused = رُفض رمز الإدارة
phase-setup = لم يبدأ
phase-open = التصويت مفتوح
phase-closed = التصويت مغلق
phase-published = النتائج منشورة
countdown-time-left = الوقت المتبقي
countdown-passed = انتهت المهلة
countdown-deadline = المهلة
countdown-none = لا توجد
countdown-not-set = غير محددة
countdown-voting = التصويت
countdown-closed = مغلق

## Why a request failed (every page)
error-network = تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.
error-network-gave-up = ما زال الوصول إلى الخادم متعذّرًا. تحقّق من اتصالك وحاول مرة أخرى بعد دقيقة.
error-decode = أرسل الخادم ردًّا غير متوقَّع ({ $detail }).
error-status = ردّ الخادم بالحالة { $status }.
error-already-voted = لقد صوّتَّ من قبل. لكل ناخب صوت واحد فقط.
error-vote-pending = ما زال صوتك ينتظر الفرز؛ سنتحقّق مرة أخرى بعد قليل.
error-vote-pending-gave-up = ما زال صوتك ينتظر الفرز. أعد تحميل الصفحة بعد دقيقة لترى إيصالك.
error-voting-not-open = التصويت غير مفتوح: لا تقبل الانتخابات أصواتًا الآن.
error-past-deadline = انتهى الموعد النهائي، لذلك لم يُحتسب هذا الصوت.
error-click-too-old = استغرق صوتك وقتًا طويلًا للوصول إلى الخادم فلم يُحتسب؛ يُرجى التصويت مرة أخرى.
error-click-in-future = لم يُحتسب صوتك لأن ساعة هذا الجهاز لا تتفق مع ساعة الخادم؛ يُرجى إعادة تحميل الصفحة والتصويت مرة أخرى.
error-rate-limited = محاولات فاشلة كثيرة من هذه الشبكة. يُرجى الانتظار { $seconds } ث قبل المحاولة مرة أخرى.
error-queue-full = يصوّت كثيرون الآن؛ محاولة جديدة بعد { $seconds } ث.
error-queue-full-gave-up = يصوّت كثيرون الآن ولم يتمكّن الخادم من قبول هذا في الوقت المناسب. يُرجى المحاولة مرة أخرى بعد دقيقة.
error-unavailable = لا تستطيع الخوادم الاتفاق الآن (عدد المتاح منها قليل جدًّا)؛ محاولة جديدة بعد { $seconds } ث.
error-unavailable-gave-up = ما زالت الخوادم عاجزة عن الاتفاق (عدد المتاح منها قليل جدًّا). يُرجى المحاولة مرة أخرى بعد دقيقة.
error-busy = الخادم مشغول؛ محاولة جديدة بعد { $seconds } ث.
error-busy-gave-up = ما زال الخادم مشغولًا. يُرجى المحاولة مرة أخرى بعد دقيقة.
error-idempotency-key-reused = أرسلت هذه الصفحة طلبين مختلفين برقم طلب واحد، وهذه مشكلة داخلية في الصفحة؛ لم يتغيّر شيء. يُرجى المحاولة مرة أخرى: سيُرسل كطلب جديد.
error-lamport-out-of-range = ساعة هذه الصفحة لترتيب الأحداث لا تتوافق مع الخادم، وهذه مشكلة داخلية في الصفحة؛ لم يتغيّر شيء. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.
error-malformed = رفض الخادم هذا الطلب لأنه غير سليم، وهذه مشكلة داخلية في الصفحة (أو إدخال طويل جدًّا)؛ لم يتغيّر شيء. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.
error-bad-credential = رمز الدخول هذا لا يطابق أحدًا في سجل الناخبين لهذه الانتخابات (أو تم استبداله). تحقّق منه وحاول مرة أخرى.
error-self-registration-off = لا تقبل هذه الانتخابات التسجيل الذاتي: تستورد الإدارة سجل الناخبين.
error-roll-frozen = يُجمَّد سجل الناخبين بمجرد فتح التصويت: لا يمكن استيراد الناخبين إلا قبل البدء.
error-mail-not-configured = لا تستطيع الخوادم إرسال البريد: شُغّلت دون خادم SMTP ‏(--smtp-url).
error-election-exists = توجد انتخابات بهذا المعرّف من قبل: اختر معرّفًا آخر (أو عنوانًا آخر).
error-bad-login = الاسم أو رقم الناخب غير صحيح: لا يطابقان أحدًا في السجل. تحقّق من كليهما وحاول مرة أخرى.
error-bad-session = انتهت جلستك؛ يُرجى تسجيل الدخول مرة أخرى.
error-forbidden = دور حسابك لا يسمح بذلك. يستطيع المالك تغيير دورك أو تعيينك لهذه الانتخابات.
error-admin-unauthorized = رُفض رمز الإدارة. تحقّق منه وأدخله مرة أخرى.
error-name-taken = يحمل شخص في السجل هذا الاسم من قبل. أضف ما يميّزك، كحرف أول من اسم آخر.
error-unknown-candidate = هذا الخيار غير موجود في ورقة الاقتراع. أعد تحميل الصفحة لترى الورقة الحالية.
error-deadline-in-past = يجب أن يكون الموعد النهائي في المستقبل. اختر وقتًا لاحقًا.
error-deadline-not-reached = لم يحن الموعد النهائي بعد: لا يمكن إغلاق الانتخابات عند موعدها النهائي إلا بعد حلوله.
error-roll-full = سجل الناخبين ممتلئ: لا يمكن إضافة ناخبين آخرين إلى هذه الانتخابات.
error-wrong-login-method = لا تُدخل هذه الانتخابات الناخبين بهذه الطريقة. استخدم طريقة الدخول التي تعرضها صفحتها.
error-cluster-unauthorized = رفضت الخوادم سرّ بعضها بعضًا؛ على المشغّلين التحقق من إعدادات المجموعة.
error-not-found = غير موجود: هذه الانتخابات أو الصفحة غير موجودة. تحقّق من العنوان.
error-too-many-connections = عدد الصفحات المتصلة بهذا الخادم كبير جدًّا الآن. أغلق علامات تبويب أخرى أو حاول مرة أخرى بعد دقيقة.
error-storage = تعذّر على الخادم قراءة بياناته أو كتابتها. يُرجى المحاولة مرة أخرى بعد دقيقة؛ وإن تكرّر ذلك فأبلغ منظّمي الانتخابات.
error-internal = حدث خطأ في الخادم. يُرجى المحاولة مرة أخرى؛ وإن تكرّر ذلك فأبلغ منظّمي الانتخابات.
error-invalid-name = لا يمكن استخدام هذا الاسم: { $detail }
error-wrong-phase = لا يمكن القيام بذلك في هذه المرحلة من الانتخابات: { $detail }
error-invalid-election = رُفضت الانتخابات: { $detail }
error-invalid-ballot = رُفضت ورقة الاقتراع: { $detail }
error-invalid-roll = رُفض سجل الناخبين: { $detail }
error-bad-request = رفض الخادم هذا الطلب: { $detail }

## Document titles and pages of no election
title-vote = Ballot: التصويت
title-admin = Ballot: الإدارة
title-tally = Ballot: الفرز
title-elections = Ballot: الانتخابات
title-audit = Ballot: التدقيق
title-admin-elections = Ballot: الإدارة · الانتخابات
title-not-found = Ballot: غير موجود
not-found-title = الصفحة غير موجودة
not-found-vote = التصويت
not-found-tally = الفرز
not-found-elections = الانتخابات
not-found-admin = الإدارة
missing-title = لا توجد انتخابات بهذا المعرّف
missing-before-id = لا توجد انتخابات بالمعرّف «
missing-after-id = ».
missing-see-all = عرض كل الانتخابات

## Units, and the warning before the deadline
unit-ms = { $value } مللي ثانية
unit-s = { $value } ث
deadline-warning =
    { $minutes ->
        [zero] انتهى وقت التصويت تقريبًا: أدلِ بصوتك قبل الموعد النهائي ({ $deadline }).
        [one] بقيت أقل من دقيقة واحدة للتصويت: أدلِ بصوتك قبل الموعد النهائي ({ $deadline }).
        [two] بقيت أقل من دقيقتين للتصويت: أدلِ بصوتك قبل الموعد النهائي ({ $deadline }).
        [few] بقيت أقل من { $minutes } دقائق للتصويت: أدلِ بصوتك قبل الموعد النهائي ({ $deadline }).
        [many] بقيت أقل من { $minutes } دقيقة للتصويت: أدلِ بصوتك قبل الموعد النهائي ({ $deadline }).
       *[other] بقيت أقل من { $minutes } دقيقة للتصويت: أدلِ بصوتك قبل الموعد النهائي ({ $deadline }).
    }

## الانتخابات القابلة للتحقق
error-invalid-proof = لم يجتز أحد البراهين التحقق، لذلك لم يُسجَّل شيء: { $detail }
error-bad-trustee-token = رابط الأمين هذا غير صالح (أو أُعيدت تسمية الأمناء). اطلب رابطك الحالي من منظمي الانتخاب.
error-trustees-pending = لا يمكن فتح الانتخاب بعد: يجب على كل أمين إنهاء مراسم المفاتيح أولًا.
