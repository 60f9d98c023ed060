# The admin console and the admin's list of elections (ar).

## The token gate
admin-title = إدارة Ballot
admin-token-title = رمز الإدارة
# $flag is the command-line option, shown as code.
admin-token-label = الرمز (المُعطى للعقدة عبر { $flag })
admin-token-hint = يُحفظ في علامة التبويب هذه فقط، ويُنسى عند إغلاقها.
admin-token-submit = فتح لوحة التحكم
admin-wrong-token = رمز الإدارة غير صحيح.
admin-token-refused = رفض الخادم رمز الإدارة؛ يُرجى إدخاله من جديد.

## The console's frame and sections
admin-election-pages = صفحات الانتخاب
admin-all-elections = كل الانتخابات
admin-voter-page = صفحة الناخبين
admin-projector = شاشة العرض
admin-forget-token = نسيان الرمز
admin-section-election = الانتخاب
admin-section-queue = طابور الأصوات
admin-section-results = النتائج
admin-section-voters = الناخبون
admin-section-roll = سجل الناخبين
admin-section-exports = التصدير
admin-section-mail = البريد
admin-section-replicas = النسخ المتماثلة
admin-section-activity = النشاط
# A list's separator, between its items.
admin-list-separator = {"، "}

## The election's commands
admin-no-deadline = لم يُحدَّد موعد نهائي.
# $time is a date and time.
admin-deadline-at = الموعد النهائي: { $time }.
# Follows the deadline's sentence; $node and $lamport are identifiers, $offset a signed duration.
admin-node-clock = {" "}العقدة { $node } · فرق الساعة { $offset } · لامبورت { $lamport }
admin-start = بدء التصويت
admin-start-question = فتح الانتخاب للتصويت الآن؟
admin-start-yes = نعم، ابدأ التصويت
admin-stop = إيقاف التصويت
admin-stop-question = إغلاق التصويت الآن؟ لن يمكن الإدلاء بأي صوت بعد ذلك.
admin-stop-yes = نعم، أوقف التصويت
admin-publish = نشر النتائج
admin-publish-question = نشر النتائج؟ لن يمكن تغييرها بعد ذلك.
admin-publish-yes = نعم، انشر النتائج
admin-cancel = إلغاء
admin-sending = جارٍ الإرسال…
admin-voting-started = بدأ التصويت.
admin-voting-stopped = توقف التصويت.
admin-results-published = نُشرت النتائج.
admin-deadline-date-label = الموعد النهائي (التاريخ والوقت)
admin-deadline-minutes-label = أو بعد عدد من الدقائق
admin-set-deadline = تحديد الموعد النهائي
admin-deadline-set = حُدِّد الموعد النهائي.
admin-live-results-switch = {" "}عرض النتائج المباشرة للناخبين وعلى شاشة العرض أثناء التصويت
admin-live-results-shown = النتائج المباشرة معروضة.
admin-live-results-hidden = النتائج المباشرة مخفية.

## The vote queue
admin-queue-waiting = في الانتظار
admin-queue-in-flight = قيد المعالجة
admin-queue-capacity = السعة
admin-queue-peak-waiting = أقصى انتظار
admin-queue-peak-in-flight = أقصى معالجة

## The voters and their credentials
# $count is "$voted of $total", in bold.
admin-turnout = المصوّتون: { $count } ({ $percent }٪)
admin-turnout-count = { $voted } من { $total }
admin-turnout-label = نسبة المشاركة
admin-voters-id = المعرّف
admin-voters-name = الاسم
admin-voters-voted = صوّت
admin-voters-credential = رمز الدخول
admin-voter-has-voted = ✓ صوّت
admin-new-credential = رمز دخول جديد
admin-new-credential-yes = نعم، رمز دخول جديد
admin-new-credential-question = استبدال رمز دخول { $name }؟ سيتوقف الرمز القديم عن العمل.
admin-replacing-credential = جارٍ استبدال رمز الدخول…
admin-credential-replaced = استُبدل رمز الدخول.
admin-fresh-title = رمز دخول جديد لـ{ $name } (الناخب رقم { $id }): يُعرض مرة واحدة
admin-fresh-title-unnamed = رمز دخول جديد للناخب رقم { $id }: يُعرض مرة واحدة
admin-fresh-hint = لم يعد رمز الدخول السابق وجلساته تعمل. انسخ هذا الرمز الآن: لن يمكن عرضه مرة أخرى.
admin-fresh-done = تم

## The roll import
admin-roll-file = ملف CSV…
admin-roll-paste = …أو الصقه هنا
admin-roll-frozen = يُجمَّد سجل الناخبين بمجرد فتح التصويت.
# $name, $email and $external_id are the columns' names, shown as code.
admin-roll-hint = صف عناوين فيه { $name }، واختياريًا { $email } و{ $external_id }. يُتخطّى الناخبون المسجَّلون من قبل (البريد نفسه، أو الاسم نفسه بلا بريد).
admin-roll-import = استيراد الناخبين
admin-roll-pending = نزّل رموز الدخول أعلاه أو تجاهلها قبل استيراد المزيد.
admin-roll-importing = جارٍ الاستيراد…
admin-roll-imported = اكتمل الاستيراد: { $created ->
    [zero] لا ناخبين جددًا
    [one] ناخب جديد واحد
    [two] ناخبان جديدان
    [few] { $created } ناخبين جدد
    [many] { $created } ناخبًا جديدًا
   *[other] { $created } ناخب جديد
}، { $skipped ->
    [zero] ولم يُتخطَّ أي صف
    [one] وتُخطّي صف واحد
    [two] وتُخطّي صفان
    [few] وتُخطّيت { $skipped } صفوف
    [many] وتُخطّي { $skipped } صفًا
   *[other] وتُخطّي { $skipped } صف
}.
admin-roll-summary = { $created ->
    [zero] لا ناخبين جددًا
    [one] ناخب جديد واحد
    [two] ناخبان جديدان
    [few] { $created } ناخبين جدد
    [many] { $created } ناخبًا جديدًا
   *[other] { $created } ناخب جديد
}، { $skipped ->
    [zero] ولم يُتخطَّ أي صف
    [one] وتُخطّي صف واحد
    [two] وتُخطّي صفان
    [few] وتُخطّيت { $skipped } صفوف
    [many] وتُخطّي { $skipped } صفًا
   *[other] وتُخطّي { $skipped } صف
}.
admin-roll-skipped-rows = الصفوف المتخطّاة
# $status is the server's reason, as it wrote it.
admin-roll-skipped-row = الصف { $row }: { $name } ({ $status })
admin-roll-unreadable = تتعذّر قراءة الملف: { $error }
admin-credentials-title = { $count ->
    [zero] لا رموز دخول جديدة
    [one] رمز دخول جديد واحد: يُعرض مرة واحدة
    [two] رمزا دخول جديدان: يُعرضان مرة واحدة
    [few] { $count } رموز دخول جديدة: تُعرض مرة واحدة
    [many] { $count } رمزَ دخول جديدًا: تُعرض مرة واحدة
   *[other] { $count } رمز دخول جديد: تُعرض مرة واحدة
}
admin-credentials-explain = نزّلها الآن وأرسل إلى كل ناخب رمزه. لا يحتفظ Ballot إلا ببصمة لكل رمز دخول: لا يمكن لهذه الصفحة عرضها مرة أخرى، وبمجرد مغادرتها أو الضغط على «تم» تضيع. رمز الدخول المفقود لا يمكن إلا استبداله (رمز دخول جديد في جدول الناخبين).
admin-credentials-download = تنزيل رموز الدخول (CSV)
admin-credentials-done = تم: انسَها
admin-credentials-done-yes = نعم، انسَها
admin-credentials-dismiss = تجاهل دون تنزيل
admin-credentials-dismiss-yes = نعم، تجاهل دون تنزيل
admin-credentials-question = نسيان رموز الدخول هذه؟ لن يمكن عرضها مرة أخرى.
admin-credentials-saved = حُفظ باسم { $file }. احتفظ بالملف في مكان آمن.

## The exports
admin-export-results = النتائج (CSV)
admin-export-turnout = المشاركة (CSV)
admin-export-events = سجل الأحداث (NDJSON)
admin-export-hint = تُبيّن المشاركة من صوّت ومتى، ولا تُبيّن أبدًا لمن؛ ويعرض السجل كل صوت دون اختياره.
admin-export-fetching = جارٍ جلب { $file }…
admin-export-downloaded = نُزِّل { $file }.
admin-export-fallback = إن لم يبدأ التنزيل:
admin-export-results-refused = يمكن تصدير النتائج بعد إغلاق التصويت (أو ما دامت النتائج المباشرة معروضة).

## Mail to voters
admin-mail-send = إرسال البريد
admin-mail-invite-all = دعوة كل الناخبين
admin-mail-invite-all-yes = نعم، ادعُ كل الناخبين
admin-mail-invite-all-question = إرسال رابط ورمز دخول جديد إلى كل ناخب؟ ستتوقف رموز الدخول التي لديهم عن العمل.
admin-mail-invite-rest = دعوة من لم يُدعَوا بعد
admin-mail-invite-rest-yes = نعم، ادعُ من لم يُدعَوا بعد
admin-mail-invite-rest-question = إرسال رابط ورمز دخول جديد إلى كل ناخب لم يُدعَ بعد؟
admin-mail-remind = تذكير من لم يصوّتوا
admin-mail-results = إرسال النتائج بالبريد
admin-mail-hint-setup = تحمل الدعوة رابط الناخب الشخصي ورمز دخول جديدًا (ويتوقف رمز الاستيراد عن العمل). يمكن إرسال التذكيرات بعد فتح التصويت.
admin-mail-hint-open = تحمل الدعوة رابط الناخب الشخصي ورمز دخول جديدًا (ويتوقف رمزه السابق عن العمل). لا يُرسَل التذكير إلا إلى من لم يصوّتوا.
admin-mail-hint-no-credential = تتطلب الدعوات انتخابًا يسجّل فيه الناخبون الدخول برمز دخول. لا يُرسَل التذكير إلا إلى من لم يصوّتوا، وما دام التصويت مفتوحًا.
admin-mail-hint-closed = يمكن إرسال النتائج بالبريد بعد نشرها.
admin-mail-hint-published = يمكن إرسال النتائج المنشورة إلى الناخبين الذين لديهم بريد إلكتروني.
# $kind is invitation, reminder or results.
admin-mail-queueing = { $kind ->
    [invitation] جارٍ إدراج الدعوات في قائمة الإرسال…
    [reminder] جارٍ إدراج التذكيرات في قائمة الإرسال…
   *[results] جارٍ إدراج رسائل النتائج في قائمة الإرسال…
}
admin-mail-queued = أُدرج في قائمة الإرسال: { $kind ->
    [invitation] { $count ->
        [zero] لا دعوات
        [one] دعوة واحدة
        [two] دعوتان
        [few] { $count } دعوات
        [many] { $count } دعوةً
       *[other] { $count } دعوة
    }
    [reminder] { $count ->
        [zero] لا تذكيرات
        [one] تذكير واحد
        [two] تذكيران
        [few] { $count } تذكيرات
        [many] { $count } تذكيرًا
       *[other] { $count } تذكير
    }
   *[results] { $count ->
        [zero] لا رسائل نتائج
        [one] رسالة نتائج واحدة
        [two] رسالتا نتائج
        [few] { $count } رسائل نتائج
        [many] { $count } رسالةَ نتائج
       *[other] { $count } رسالة نتائج
    }
}.
# $list is a list of the reasons below.
admin-mail-skipped = المتخطَّون: { $list }.
admin-mail-skipped-no-email = { $count } بلا بريد إلكتروني
admin-mail-skipped-waiting = { $count } بانتظار الإرسال أصلًا
admin-mail-skipped-voted = { $count } ممن صوّتوا
admin-mail-last-send = آخر إرسال: { $kind ->
    [invitation] الدعوات
    [reminder] التذكيرات
   *[results] رسائل النتائج
}
admin-mail-figure-queued = في قائمة الإرسال
admin-mail-figure-no-email = بلا بريد
admin-mail-figure-waiting = بالانتظار أصلًا
admin-mail-figure-voted = صوّتوا
admin-mail-status-error = تعذّرت قراءة حالة البريد: { $error }
admin-mail-reading = جارٍ قراءة حالة البريد…
admin-mail-none = لم يُرسَل أي بريد بعد.
admin-mail-heading-invitation = الدعوات
admin-mail-heading-reminder = التذكيرات
admin-mail-heading-results = النتائج
admin-mail-all-sent = أُرسلت كلها ({ $sent }).
# $parts says which of the counts are not zero.
admin-mail-progress = { $parts ->
    [failed] أُرسل { $sent } من { $total }، وفشل { $failed }.
    [waiting] أُرسل { $sent } من { $total }، و{ $queued } بالانتظار.
   *[both] أُرسل { $sent } من { $total }، وفشل { $failed }، و{ $queued } بالانتظار.
}
admin-mail-failed-title = فشلت ({ $count })
admin-mail-failed-meta = {" "}· { $kind ->
    [invitation] دعوة
    [reminder] تذكير
   *[results] رسالة نتائج
} · { $attempts ->
    [zero] لا محاولات
    [one] محاولة واحدة
    [two] محاولتان
    [few] { $attempts } محاولات
    [many] { $attempts } محاولةً
   *[other] { $attempts } محاولة
}
admin-mail-resend = إعادة الإرسال
admin-mail-resend-label = إعادة إرسال { $kind ->
    [invitation] الدعوة
    [reminder] التذكير
   *[results] رسالة النتائج
} إلى { $name }
admin-mail-no-reason = لم يُذكر سبب.
# The placeables are command-line options and settings, shown as code.
admin-mail-setup-intro = لا تستطيع الخوادم إرسال البريد: شُغِّلت دون خادم SMTP. شغّل كل عضو بما يلي:
admin-mail-setup-url = { $url } (أو { $starttls }، أو { $smtps })،
admin-mail-setup-from = { $from }: المرسِل الذي يراه الناخبون،
admin-mail-setup-public = { $public }: تبدأ به الروابط في الرسائل.
admin-mail-setup-env = متغيرات البيئة { $url } و{ $from } و{ $public } تؤدي الغرض نفسه (وتُبقي كلمة المرور خارج سطر الأوامر). ويمرّرها { $cluster } و{ $xtask } إلى الأعضاء الذين يشغّلانهم.

## Replicas
admin-cluster-asking = جارٍ الاستعلام من العنقود…
admin-cluster-single = عقدة واحدة: يعمل هذا الخادم دون نسخ متماثل.
# $leader is admin-cluster-leader-none or admin-cluster-leader-node, in bold.
admin-cluster-answered = أجابت العقدة { $node }، الدورة { $term }، القائد: { $leader }
admin-cluster-leader-none = لا أحد
admin-cluster-leader-node = العقدة { $id }
admin-cluster-node = العقدة
admin-cluster-address = العنوان
admin-cluster-role = الدور
admin-cluster-up = متاحة
admin-cluster-applied = المُطبَّق
admin-cluster-lag = التأخر
admin-cluster-offset = فرق الساعة
admin-member-up = متاحة
admin-member-down = متوقفة
admin-role = { $role ->
    [leader] قائد
    [follower] تابع
    [candidate] مرشّح
    [learner] متعلّم
    [shutdown] قيد الإيقاف
   *[unknown] غير معروف
}
# $role is admin-role's word.
admin-role-non-voting = { $role } (بلا حق تصويت)

## The activity feed
admin-feed-empty = لم يحدث شيء بعد.
admin-feed-label = النشاط، الأحدث أولًا
# $seq is the event's number in the log, $lamport its Lamport time.
admin-feed-meta = #{ $seq } · L{ $lamport }
admin-feed-by = بواسطة{" "}
admin-feed-lamport = L{ $lamport }

## The activity feed's lines
# The server's own English for these lines (shared::feed::FeedWords::english) must read the same.
# $name is a voter's or a candidate's name (or admin-feed-line-voter), $voter a voter's number.
admin-feed-line-voter = الناخب رقم { $voter }
admin-feed-line-candidate-added = أُدرج { $name } في ورقة الاقتراع
admin-feed-line-voter-registered = سجّل { $name } بصفته الناخب رقم { $voter }
# $count is how many voters are on the roll now.
admin-feed-line-someone-registered = سجّل ناخب جديد ({ $count ->
    [zero] لا ناخبين في السجل
    [one] ناخب واحد في السجل
    [two] ناخبان في السجل
    [few] { $count } ناخبين في السجل
    [many] { $count } ناخبًا في السجل
   *[other] { $count } ناخب في السجل
})
admin-feed-line-logged-in = سجّل { $name } الدخول
admin-feed-line-voted = صوّت { $name }
admin-feed-line-someone-voted = أُدلي بصوت
# $duration is one of admin-feed-line-duration-….
admin-feed-line-deadline-set = حُدِّد الموعد النهائي: يُغلق التصويت بعد { $duration } من هذا التغيير
admin-feed-line-duration-s = { $seconds } ث
admin-feed-line-duration-min = { $minutes } د
admin-feed-line-duration-min-s = { $minutes } د { $seconds } ث
admin-feed-line-duration-h-min = { $hours } س { $minutes } د
admin-feed-line-live-results-on = النتائج المباشرة مفعّلة
admin-feed-line-live-results-off = النتائج المباشرة معطّلة
admin-feed-line-voting-opened = التصويت مفتوح
admin-feed-line-voting-stopped = أوقف المسؤول التصويت
admin-feed-line-deadline-passed = أُغلق التصويت: انقضى الموعد النهائي
admin-feed-line-results-published = نُشرت النتائج
# $title is the election's title; $count how many candidates or questions it has.
admin-feed-line-election-defined = عُرِّفت الانتخابات «{ $title }» { $count ->
    [zero] بلا مرشحين
    [one] بمرشح واحد
    [two] بمرشحَين
    [few] بـ{ $count } مرشحين
    [many] بـ{ $count } مرشحًا
   *[other] بـ{ $count } مرشح
}
admin-feed-line-election-defined-questions = عُرِّفت الانتخابات «{ $title }» { $count ->
    [zero] بلا أسئلة
    [one] بسؤال واحد
    [two] بسؤالين
    [few] بـ{ $count } أسئلة
    [many] بـ{ $count } سؤالًا
   *[other] بـ{ $count } سؤال
}
admin-feed-line-voter-imported = استُورد { $name } بصفته الناخب رقم { $voter }
# $created is how many voters the import added, $skipped how many rows it left out.
admin-feed-line-roll-imported = استُورد سجل الناخبين: { $created ->
    [zero] لم يُضف أي ناخب
    [one] أُضيف ناخب واحد
    [two] أُضيف ناخبان
    [few] أُضيف { $created } ناخبين
    [many] أُضيف { $created } ناخبًا
   *[other] أُضيف { $created } ناخب
}، { $skipped ->
    [zero] ولم يُتخطَّ أي صف
    [one] وتُخطّي صف واحد
    [two] وتُخطّي صفان
    [few] وتُخطّيت { $skipped } صفوف
    [many] وتُخطّي { $skipped } صفًا
   *[other] وتُخطّي { $skipped } صف
}
admin-feed-line-credential-issued = حصل { $name } على رمز دخول جديد
# $kind is invitation, reminder or results; $error is the mail server's own text.
admin-feed-line-mail-failed = فشل إرسال { $kind ->
    [invitation] الدعوة
    [reminder] التذكير
   *[results] رسالة النتائج
} إلى { $name }: { $error }
# $count is how many mails were queued, $skipped how many voters have no email.
admin-feed-line-mail-queued = أُدرج في قائمة الإرسال: { $kind ->
    [invitation] { $count ->
        [zero] لا دعوات
        [one] دعوة واحدة
        [two] دعوتان
        [few] { $count } دعوات
        [many] { $count } دعوةً
       *[other] { $count } دعوة
    }
    [reminder] { $count ->
        [zero] لا تذكيرات
        [one] تذكير واحد
        [two] تذكيران
        [few] { $count } تذكيرات
        [many] { $count } تذكيرًا
       *[other] { $count } تذكير
    }
   *[results] { $count ->
        [zero] لا رسائل نتائج
        [one] رسالة نتائج واحدة
        [two] رسالتا نتائج
        [few] { $count } رسائل نتائج
        [many] { $count } رسالةَ نتائج
       *[other] { $count } رسالة نتائج
    }
}{ $skipped ->
    [zero] {""}
    [one] {" "}(استُبعد ناخب واحد بلا بريد إلكتروني)
    [two] {" "}(استُبعد ناخبان بلا بريد إلكتروني)
    [few] {" "}(استُبعد { $skipped } ناخبين بلا بريد إلكتروني)
    [many] {" "}(استُبعد { $skipped } ناخبًا بلا بريد إلكتروني)
   *[other] {" "}(استُبعد { $skipped } ناخب بلا بريد إلكتروني)
}
# $node is a member's number in the cluster, $term the election term of its leadership.
admin-feed-line-replica-unreachable = العقدة { $node } غير متاحة: توقف النسخ المتماثل إليها
admin-feed-line-replica-back = عادت العقدة { $node } وهي تلحق بالركب
admin-feed-line-member-joined = انضمت العقدة { $node } إلى العنقود
admin-feed-line-new-leader = أصبحت العقدة { $node } القائد (الدورة { $term })
admin-feed-line-no-leader = لا قائد: انتخاب القائد جارٍ

## Accounts

admin-checking = جارٍ التحقق…
admin-sign-in-title = تسجيل الدخول بحساب
admin-sign-in-name = الاسم
admin-sign-in-password = كلمة المرور
admin-sign-in-submit = تسجيل الدخول
admin-sign-in-refused = الاسم أو كلمة المرور غير صحيحة.
admin-session-ended = انتهت جلستك؛ يُرجى تسجيل الدخول من جديد.
admin-sign-out = تسجيل الخروج
# A role's name, shown after the account's name ("Ana · official").
admin-role-owner = مالك
admin-role-official = مسؤول
admin-role-observer = مراقب
admin-observer-note = أنت مراقب: يمكنك متابعة هذه الانتخابات دون تغيير أي شيء.
admin-section-accounts = الحسابات
admin-accounts-loading = جارٍ تحميل الحسابات…
admin-accounts-none = لا توجد حسابات بعد: رمز الإدارة وحده يفتح هذه الصفحات.
admin-account-password = يسجّل الدخول بكلمة مرور
admin-account-token-only = يسجّل الدخول برمزه فقط
admin-account-elections = الانتخابات:
admin-account-no-elections = لا شيء
admin-account-delete = حذف
admin-account-delete-yes = نعم، احذفه
# $name is the account's name.
admin-account-delete-question = هل تريد حذف { $name }؟ يتوقف رمزه وجلساته عن العمل فورًا.
admin-account-deleted = حُذف الحساب.
admin-account-token-title = رمز { $name }
admin-account-token-hint = انسخه الآن وسلّمه لصاحبه: لا يُعرض إلا هذه المرة، ولا يحتفظ الخادم إلا ببصمته.
admin-account-new = حساب جديد
admin-account-name = الاسم
admin-account-role = الدور
admin-account-password-label = كلمة المرور (اختيارية)
admin-account-password-hint = { $min ->
    [zero] لا حد أدنى لعدد الأحرف.
    [one] حرف واحد على الأقل.
    [two] حرفان على الأقل.
    [few] { $min } أحرف على الأقل.
    [many] { $min } حرفًا على الأقل.
   *[other] { $min } حرف على الأقل.
} دون كلمة مرور، يسجّل الحساب الدخول برمزه فقط.
admin-account-create = إنشاء الحساب
admin-section-officials = المسؤولون والمراقبون
admin-officials-legend = من يحق له إدارة هذه الانتخابات أو متابعتها
admin-officials-save = حفظ المسؤولين
admin-officials-saved = حُفظ المسؤولون.
admin-officials-none = لا يوجد مسؤولون أو مراقبون بعد.
admin-officials-none-link = أنشئ الحسابات في قائمة الانتخابات.

## First owner
# The form the one-time setup link opens (`/admin#setup=…`), printed by a new node.
admin-setup-title = إنشاء أول حساب مالك
admin-setup-intro = عرض الخادم هذا الرابط عند تشغيله أول مرة، ولا يصلح إلا مرة واحدة: الحساب الذي يُنشأ هنا يملك الخادم وينشئ الحسابات الأخرى.
admin-setup-name = الاسم
admin-setup-password = كلمة المرور
admin-setup-password-hint = { $min ->
    [zero] { $min } حرف على الأقل.
    [one] حرف واحد على الأقل.
    [two] حرفان على الأقل.
    [few] { $min } أحرف على الأقل.
    [many] { $min } حرفًا على الأقل.
   *[other] { $min } حرف على الأقل.
}
admin-setup-submit = إنشاء حساب المالك
admin-setup-cancel = تسجيل الدخول بدلًا من ذلك
admin-setup-name-invalid = أدخل اسمًا من 1 إلى 64 حرفًا، لا يقتصر على المسافات.
admin-setup-password-short = { $min ->
    [zero] كلمة المرور قصيرة جدًا: استخدم { $min } حرف على الأقل.
    [one] كلمة المرور قصيرة جدًا: استخدم حرفًا واحدًا على الأقل.
    [two] كلمة المرور قصيرة جدًا: استخدم حرفين على الأقل.
    [few] كلمة المرور قصيرة جدًا: استخدم { $min } أحرف على الأقل.
    [many] كلمة المرور قصيرة جدًا: استخدم { $min } حرفًا على الأقل.
   *[other] كلمة المرور قصيرة جدًا: استخدم { $min } حرف على الأقل.
}
admin-setup-password-long = { $max ->
    [zero] كلمة المرور طويلة جدًا: استخدم { $max } حرف على الأكثر.
    [one] كلمة المرور طويلة جدًا: استخدم حرفًا واحدًا على الأكثر.
    [two] كلمة المرور طويلة جدًا: استخدم حرفين على الأكثر.
    [few] كلمة المرور طويلة جدًا: استخدم { $max } أحرف على الأكثر.
    [many] كلمة المرور طويلة جدًا: استخدم { $max } حرفًا على الأكثر.
   *[other] كلمة المرور طويلة جدًا: استخدم { $max } حرف على الأكثر.
}
admin-setup-forbidden = رابط الإعداد هذا غير صالح. انسخ الرابط كاملًا كما عرضه الخادم عند تشغيله أول مرة.
admin-setup-used = يوجد حساب بالفعل: سبق استخدام رابط الإعداد هذا. سجّل الدخول بدلًا من ذلك.
# $reason is why the sign-in failed, a sentence.
admin-setup-sign-in-failed = أُنشئ حساب المالك، لكن تسجيل الدخول فشل: { $reason } سجّل الدخول باسمه وكلمة مروره.
admin-setup-welcome-title = حساب المالك الخاص بك
admin-setup-created = أُنشئ حساب المالك.

## Trustees of a verifiable election
admin-section-trustees = الأمناء
admin-trustees-loading = جارٍ قراءة مراسم المفاتيح…
admin-trustees-form-title = تسمية الأمناء
admin-trustees-intro = يتقاسم الأمناء مفتاح الانتخاب: لا يستطيع أحد غيرهم، ولا حتى الخوادم، فك تشفير الفرز. يتلقى كل أمين رابطًا خاصًا للمشاركة في مراسم المفاتيح من متصفحه.
admin-trustee-legend = الأمين { $number }
admin-trustee-name = الاسم
admin-trustee-email = البريد الإلكتروني (اختياري)
admin-trustees-remove = إزالة الأمين { $number }
admin-trustees-add = إضافة أمين
admin-trustees-threshold = عدد الأمناء اللازم لفك التشفير
admin-trustees-threshold-hint = يستطيع هذا العدد من الأمناء معًا فك تشفير النتيجة، ولا يستطيع ذلك عدد أقل (من 1 إلى { $count }).
admin-trustees-again-warning = تسمية الأمناء من جديد تعيد مراسم المفاتيح من البداية.
admin-trustees-save = تسمية الأمناء
admin-trustees-named = سُمّي الأمناء.
admin-trustees-links-title = روابط خاصة، تُعرض مرة واحدة
admin-trustee-mailed = أُرسل رابطه إليه بالبريد (لا تراه أنت).
admin-trustees-copy-hint = انسخ كل رابط الآن وسلّمه إلى أمينه سرًّا: من يملك الرابط يتصرف بصفة ذلك الأمين. لن تُعرض الروابط مرة أخرى.
# Before the trustee's name.
admin-trustee-link = الرابط الخاص بـ
admin-trustees-dismiss = نسختُ الروابط
admin-decrypted-publish = فُكّ تشفير الفرز: يمكن نشر النتائج.
# Followed by the names of the trustees who have not decrypted yet.
admin-sealed-waiting = { $count ->
        [zero] مختوم: لا ننتظر أي أمين آخر:
        [one] مختوم: في انتظار أمين واحد آخر:
        [two] مختوم: في انتظار أمينين آخرين:
        [few] مختوم: في انتظار { $count } أمناء آخرين:
        [many] مختوم: في انتظار { $count } أمينًا آخر:
       *[other] مختوم: في انتظار { $count } أمين آخر:
    }
admin-stage-no-trustees = لم يُسمَّ أي أمين بعد: سمِّهم قبل فتح التصويت.
admin-stage-commitments = مراسم المفاتيح، الجولة 1 من 3: يلتزم كل أمين بسرّ.
admin-stage-polynomials = مراسم المفاتيح، الجولة 2 من 3: ينشر كل أمين الجزء العام من سرّه.
admin-stage-shares = مراسم المفاتيح، الجولة 3 من 3: يرسل كل أمين إلى الآخرين حصصهم المختومة.
admin-stage-key-published = نُشر مفتاح الانتخاب: يمكن فتح التصويت.
admin-stage-decrypting = أُغلق التصويت: يفك الأمناء تشفير الفرز.
admin-stage-decrypted = فُكّ تشفير الفرز.
admin-trustee-col-trustee = الأمين
admin-trustee-col-commitment = الالتزام
admin-trustee-col-polynomial = الجزء العام
admin-trustee-col-shares = الحصص
admin-trustee-col-decryption = فك التشفير
admin-trustee-part-in = وصل
admin-trustee-part-missing = قيد الانتظار
admin-trustee-you = (أنت)
