# Receipts: checking one against the public log, on the voter and audit pages (ar).

## The box where a receipt is pasted (audit page)
receipts-paste-label = الصق إيصالًا هنا، أو أفلت ملفه على هذا المربع:
receipts-pick-file = أو اختر الملف:
receipts-verify = تحقّق من الإيصال

## What checking a receipt came to
receipts-checking = جارٍ التحقق بالمقارنة مع السجل العام…
# $entries is the log's size, $signers how many replicas signed it, $list their numbers.
receipts-verified = ورقتك مُدرجة في سجل من { $entries ->
        [zero] { $entries } إدخال
        [one] إدخال واحد
        [two] إدخالين
        [few] { $entries } إدخالات
        [many] { $entries } إدخالًا
       *[other] { $entries } إدخال
    }، موقّع من { $signers ->
        [zero] النسخ المتماثلة
        [one] النسخة المتماثلة
        [two] النسختين المتماثلتين
        [few] النسخ المتماثلة
        [many] النسخ المتماثلة
       *[other] النسخ المتماثلة
    } { $list }.
# Replicas' numbers as a list: "1, 2 and 3" ($first is "1, 2").
receipts-list-comma = {"، "}
receipts-list-last = { $first } و{ $last }

## A text that is not a receipt to check here
receipts-empty = الصق إيصالًا أولًا، أو أفلت ملفه هنا.
receipts-not-a-receipt = هذا ليس إيصالًا من Ballot: الصق الملف كاملًا، من {"{"} إلى {"}"}.
receipts-unknown-election = يذكر هذا الإيصال معرّف انتخاب لا يُنشئه Ballot أبدًا.
# $election is the receipt's election id, $link the address of its audit page.
receipts-other-election = هذا الإيصال خاص بالانتخاب «{ $election }» لا بهذا الانتخاب: تحقّق منه في { $link }.

## A check that failed
receipts-no-keys = لم يُدرج الخادم أي مفتاح توقيع، لذا تعذّر التحقق من أي شيء.
# $why is one of the receipts-damage-* below.
receipts-damaged = هذا الإيصال تالف: { $why }.
receipts-damage-other-election = نقطة التحقق الخاصة به تعود إلى انتخاب آخر
receipts-damage-outside = ورقته تقع خارج نقطة التحقق الخاصة به
receipts-damage-ballot-hash = تجزئة ورقته ليست من ٦٤ رقمًا ست عشريًا
receipts-damage-root-hash = تجزئة جذره ليست من ٦٤ رقمًا ست عشريًا
receipts-not-signed = لم تُوقّع أيٌّ من النسخ المتماثلة للانتخاب على هذا الإيصال.
receipts-log-of-other-election = السجل الذي عرضه الخادم يعود إلى انتخاب غير انتخاب هذا الإيصال.
receipts-too-few-signatures = السجل موقّع من { $valid } من النسخ المتماثلة المدرجة؛ ويجب أن يوقّعه { $needed } على الأقل.
receipts-entry-changed = الإدخال { $index } من السجل لا يطابق هذا الإيصال: لقد عُدّل الإدخال أو الإيصال.
receipts-entry-not-this-ballot = الإدخال { $index } من السجل ليس ورقة هذا الإيصال.
# $why is one of the receipts-wrong-*-proof below.
receipts-wrong-proof = ردّ الخادم لا يتوافق مع هذا الإيصال: { $why }.
receipts-wrong-inclusion-proof = أحد براهين التضمين كان لموضع آخر أو لحجم سجل آخر
receipts-wrong-consistency-proof = برهان الاتساق كان لأحجام سجل أخرى
receipts-not-in-receipt-log = السجل الموقّع الخاص بهذا الإيصال لا يحتوي على ورقته.
# $latest is the log's size now, $receipt its size when the receipt was issued.
receipts-log-shrank = يضم السجل الآن { $latest } { $latest ->
        [zero] إدخال
        [one] إدخال
        [two] إدخالين
        [few] إدخالات
        [many] إدخالًا
       *[other] إدخال
    }، أي أقل من { $receipt } رآها هذا الإيصال: لقد حُذفت إدخالات.
receipts-not-in-latest-log = ورقتك ليست في السجل الموقّع المؤلف من { $entries } { $entries ->
        [zero] إدخال
        [one] إدخال
        [two] إدخالين
        [few] إدخالات
        [many] إدخالًا
       *[other] إدخال
    }.
receipts-history-rewritten = السجل الموقّع المؤلف من { $latest } { $latest ->
        [zero] إدخال
        [one] إدخال
        [two] إدخالين
        [few] إدخالات
        [many] إدخالًا
       *[other] إدخال
    } لا يمدّد السجل المؤلف من { $receipt } { $receipt ->
        [zero] إدخال
        [one] إدخال
        [two] إدخالين
        [few] إدخالات
        [many] إدخالًا
       *[other] إدخال
    } الذي رآه هذا الإيصال: لقد أُعيدت كتابة تاريخه.

## Nothing was decided
# $why is the reason the request failed, a sentence.
receipts-not-checked = تعذّر التحقق من الإيصال: { $why }
receipts-checker-not-started = تعذّر التحقق من الإيصال: لم يبدأ مدقّق الإيصالات في هذه الصفحة. أعد تحميل الصفحة وحاول مجددًا.
