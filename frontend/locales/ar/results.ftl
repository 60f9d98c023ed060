# The results of every question, shown by the voter, tally, admin and audit pages (ar).

## The list of elections (public and admin)
results-elections-none = لا توجد انتخابات بعد.
results-elections-election = الانتخاب
results-elections-phase = المرحلة
results-elections-deadline = الموعد النهائي
results-elections-voted = المصوّتون / الناخبون
results-elections-public-pages = الصفحات العامة
results-elections-turnout = { $voted } / { $voters } ({ $percent }٪)
results-elections-voter-page = صفحة التصويت
results-elections-projector = شاشة العرض

## Figures and the announcement
results-votes-per-candidate = الأصوات لكل مرشح
results-turnout = صوّت { $voted } من أصل { $voters } من الناخبين.
results-turnout-weighted = صوّت { $voted } من أصل { $voters } من الناخبين (الوزن { $weight } من أصل { $total }).
results-counts-hidden = تبقى الأعداد مخفية حتى نشر النتائج.
results-outcome-winner = الفائز: { $name } بحصوله على { $votes ->
        [zero] صفر من الأصوات
        [one] صوت واحد
        [two] صوتين
        [few] { $votes } أصوات
        [many] { $votes } صوتًا
       *[other] { $votes } صوت
    }
results-outcome-tie = تعادل بين { $names } بحصول كلٍّ منهم على { $votes ->
        [zero] صفر من الأصوات
        [one] صوت واحد
        [two] صوتين
        [few] { $votes } أصوات
        [many] { $votes } صوتًا
       *[other] { $votes } صوت
    }
results-outcome-no-votes = لم يُدلَ بأي صوت، لذا لا يوجد فائز.

## Candidates named in a result
results-candidate = المرشح { $id }
results-name-separator = {"، "}
results-yes = نعم
results-no = لا

## A question's result
results-question-untitled = السؤال { $id }
results-question-turnout = الإجابات الصحيحة: { $valid } · الفارغة: { $blank }
results-no-winner = لا فائز: لم يُجب أحد عن هذا السؤال.
results-winner-named = الفائز: { $names }
results-elected-named = المنتخَبون: { $names }
results-elected-mark = ✓ فاز
results-ties-title = تعادلات حُسمت بالقرعة
results-draw-round = قرعة في الجولة { $round } بين { $among }: وقع الاختيار على { $chosen }
results-draw-place = قرعة على المركز { $round } بين { $among }: وقع الاختيار على { $chosen }

## Methods, what they ask of a voter and how they decide
results-method-plurality = الأغلبية النسبية
results-method-approval = التصويت بالموافقة
results-method-irv = الإعادة الفورية
results-method-stv = الصوت الواحد المتحوّل
results-method-schulze = طريقة شولتزه
results-method-referendum = استفتاء
results-instruction-one = اختر خيارًا واحدًا
results-instruction-up-to = اختر حتى { $max }
results-instruction-rank = رتّب ما تشاء من الخيارات، الأفضل أولًا
results-instruction-rank-equal = رتّب ما تشاء من الخيارات، الأفضل أولًا؛ ويُسمح بالرتب المتساوية
results-instruction-yes-no = نعم أو لا
results-rule-plurality-one = الأغلبية النسبية: يفوز المرشح الحاصل على أكثر الأصوات.
results-rule-plurality-many = الأغلبية النسبية: يفوز المرشحون الأكثر أصواتًا، وعددهم { $seats }.
results-rule-approval-one = التصويت بالموافقة: ضع علامة على كل مرشح تقبله؛ ويفوز الأكثر موافقةً.
results-rule-approval-many = التصويت بالموافقة: ضع علامة على كل مرشح تقبله؛ ويفوز الأكثر موافقةً، وعددهم { $seats }.
results-rule-irv = الإعادة الفورية: يُستبعد المرشح الأقل أصواتًا وتنتقل أصواته إلى التفضيل التالي، حتى يحصل أحد المرشحين على الأغلبية.
results-rule-stv = الصوت الواحد المتحوّل (القواعد الاسكتلندية): يُنتخب المرشحون الذين يبلغون الحصة، وتنتقل الفوائض وأصوات المرشحين المستبعدين، حتى { $seats ->
        [zero] تُشغل المقاعد
        [one] يُشغل المقعد
        [two] يُشغل المقعدان
        [few] تُشغل { $seats } مقاعد
        [many] يُشغل { $seats } مقعدًا
       *[other] يُشغل { $seats } مقعد
    }.
results-rule-schulze = طريقة شولتزه: يُقارن كل مرشحَين وجهًا لوجه؛ ويفوز من يتغلب على كل منافس عبر أقوى المسارات.
results-rule-referendum-majority = استفتاء: يلزم أن تزيد أصوات نعم على أصوات لا؛ ولا تُحتسب الإجابات الفارغة.
results-rule-referendum-two-thirds = استفتاء: يلزم أن تبلغ نعم ثلثي إجابات نعم ولا؛ ولا تُحتسب الإجابات الفارغة.

## Rounds of instant runoff and STV
results-rounds-none = لا جولات: لم يُجب أحد عن هذا السؤال.
results-rounds-caption = جولة بعد جولة
results-rounds-caption-quota = جولة بعد جولة · الحصة { $quota }
results-stages-caption = مرحلة بعد مرحلة
results-stages-caption-quota = مرحلة بعد مرحلة · الحصة { $quota }
results-round = الجولة { $round }
results-stage = المرحلة { $round }
results-rounds-candidate = المرشح
results-round-elected = فاز
results-round-eliminated = استُبعد
results-rounds-exhausted = المستنفدة
results-rounds-passed-on = المنقول
results-rounds-first-preferences = التفضيلات الأولى
results-rounds-nothing = لا شيء
results-transfer-surplus-value = فائض { $from } (قيمة النقل { $value })
results-transfer-surplus = فائض { $from }
results-transfer-votes = نُقلت أصوات { $from }

## Schulze
results-pairwise-caption = مواجهات ثنائية: وزن بطاقات الاقتراع التي تفضّل مرشح الصف على مرشح العمود
results-pairwise-over = على { $name }
results-pairwise-wins = يفوز
results-pairwise-order = الترتيب، الأفضل أولًا

## Referendum
results-referendum-bars = نعم ولا
results-referendum-majority = يلزم أن تزيد أصوات نعم على أصوات لا.
results-referendum-two-thirds = يلزم أن تبلغ نعم ثلثي إجابات نعم ولا.
results-referendum-passed = أُقِرّ
results-referendum-rejected = رُفض
results-referendum-undecided = لم يُحسم
