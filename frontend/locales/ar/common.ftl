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
