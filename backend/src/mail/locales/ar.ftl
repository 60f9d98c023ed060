# رسائل Ballot إلى الناخبين، بالعربية.

invitation-subject = دعوتك للتصويت: { $title }
invitation-new-subject = دعوتك الجديدة للتصويت: { $title }
invitation-replaces = هذه الدعوة تحل محل الدعوة التي أُرسلت إليك سابقًا: لم يعد رمز الدخول السابق صالحًا.
invitation-intro = أنت مدعو للتصويت في «{ $title }».
invitation-link = افتح رابطك الشخصي للتصويت:
invitation-link-html = افتح رابطك الشخصي للتصويت
invitation-typed = أو افتح { $page } واكتب رمز الدخول هذا:
invitation-private = رمز الدخول هذا لك وحدك: لا تُعد توجيه هذه الرسالة. لن يطلبه منك أحد من القائمين على الانتخاب أبدًا.
deadline = ينتهي التصويت في { $deadline }.
reminder-subject = تذكير: صوّت في { $title }
reminder-intro = لم تصوّت بعد في «{ $title }».
reminder-link = صوّت هنا برمز الدخول الوارد في دعوتك:
results-subject = النتائج: { $title }
results-intro = نُشرت نتائج «{ $title }».
results-rounds = كل جولة وكل فرز:
results-audit = تحقّق من الفرز بنفسك من السجل العام:
results-no-winner = لم يُنتخب أحد
results-elected = المنتخَبون

# أمين في انتخاب قابل للتحقق: رابطه الخاص (يُرسل مرة واحدة عند تعيينه).
trustee-subject = أنت أمين في: { $title }
trustee-intro = أنت أحد الأمناء الـ{ $trustees } في «{ $title }». أوراق الاقتراع فيه مشفّرة، ولا تُفك شفرة الفرز إلا بمشاركة { $threshold } من الأمناء الـ{ $trustees }.
trustee-link = افتح صفحتك الخاصة لإنشاء مفتاحك، واحتفظ بملف المفتاح الذي تعطيك إياه: لن تستطيع المشاركة في الفرز من دونه.
trustee-link-html = افتح صفحة الأمين الخاصة بك
trustee-private = هذا الرابط لك وحدك: من يملكه يستطيع التصرف باسمك. لا تُعد توجيه هذه الرسالة.
