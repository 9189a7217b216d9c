import type { QuestionnaireDefinition } from './questionnaire';

/**
 * The skin test Glow ships with: the demo seed publishes it and the browser tests answer it.
 * Weights follow one scale throughout — 3 for a clear sign, 1–2 for a hint — so that one clear answer is
 * enough to raise a concern and the type questions (after cleansing, at midday) outweigh the side signals.
 * The question about reactions to new products carries most of the sensitivity points on purpose: reacting to
 * products is what "sensitive skin" means to members and advisors.
 */
export const STANDARD_QUESTIONNAIRE: { title: string; description: string; definition: QuestionnaireDefinition } = {
  title: '肌肤测试',
  description: '12道题，约2分钟。了解你的肤质、敏感程度和主要肌肤困扰，为你推荐合适的产品。',
  definition: {
    questions: [
      {
        key: 'after_cleanse',
        kind: 'single',
        title: '洁面后半小时，不涂任何护肤品，你的脸感觉如何？',
        required: true,
        options: [
          { key: 'a', label: '紧绷干燥，有时会起皮', scores: { types: { dry: 3 }, concerns: { dehydration: 1 } } },
          { key: 'b', label: '舒适，不干也不油', scores: { types: { normal: 3 } } },
          { key: 'c', label: 'T区有点油，两颊舒适或偏干', scores: { types: { combination: 3 } } },
          { key: 'd', label: '整张脸都泛油光', scores: { types: { oily: 3 } } },
          { key: 'e', label: '又干又有刺痛或发热感', scores: { types: { dry: 2 }, concerns: { redness: 1 }, sensitivity: 2 } },
        ],
      },
      {
        key: 'midday_oil',
        kind: 'single',
        title: '到了中午（不补妆），你脸上的出油情况是？',
        required: true,
        options: [
          { key: 'a', label: '几乎不出油，两颊还会发干', scores: { types: { dry: 2 } } },
          { key: 'b', label: 'T区微微有点油，整体清爽', scores: { types: { normal: 2 } } },
          { key: 'c', label: 'T区明显出油，两颊不怎么油', scores: { types: { combination: 3 } } },
          { key: 'd', label: '全脸都油，需要用吸油纸', scores: { types: { oily: 3 }, concerns: { pores: 1 } } },
        ],
      },
      {
        key: 'pores',
        kind: 'single',
        title: '照镜子时，你的毛孔看起来怎么样？',
        required: true,
        options: [
          { key: 'a', label: '几乎看不见', scores: { types: { normal: 1 } } },
          { key: 'b', label: '鼻翼周围能看到一些', scores: { concerns: { pores: 1 } } },
          { key: 'c', label: 'T区毛孔明显，有黑头', scores: { types: { combination: 1 }, concerns: { pores: 2 } } },
          { key: 'd', label: '全脸毛孔都比较粗大', scores: { types: { oily: 1 }, concerns: { pores: 3 } } },
        ],
      },
      {
        key: 'breakouts',
        kind: 'single',
        title: '最近一个月，你长痘的情况是？',
        required: true,
        options: [
          { key: 'a', label: '基本不长', scores: {} },
          { key: 'b', label: '偶尔一两颗，多在生理期或熬夜后', scores: { concerns: { acne: 1 } } },
          { key: 'c', label: '经常长闭口、粉刺', scores: { types: { oily: 1 }, concerns: { acne: 2 } } },
          { key: 'd', label: '反复长红肿的痘，还会留下痘印', scores: { types: { oily: 1 }, concerns: { acne: 3, spots: 1 } } },
        ],
      },
      {
        key: 'reactivity',
        kind: 'single',
        title: '换用新护肤品或换季时，皮肤会泛红、刺痛或发痒吗？',
        required: true,
        options: [
          { key: 'a', label: '从来不会', scores: {} },
          { key: 'b', label: '偶尔会，很快就消退', scores: { sensitivity: 1 } },
          { key: 'c', label: '经常会，要停用几天才恢复', scores: { concerns: { redness: 1 }, sensitivity: 3 } },
          { key: 'd', label: '几乎每次都会，脸颊平时也常泛红、有红血丝', scores: { concerns: { redness: 3 }, sensitivity: 5 } },
        ],
      },
      {
        key: 'tightness',
        kind: 'scale',
        title: '在空调房或秋冬季节，你的皮肤紧绷、起皮的程度？',
        hint: '1 表示完全不会，5 表示明显起皮发痒',
        required: true,
        scale: { min: 1, max: 5, minLabel: '完全不会', maxLabel: '明显起皮发痒', scores: { types: { dry: 2 }, concerns: { dehydration: 4 }, sensitivity: 1 } },
      },
      {
        key: 'fine_lines',
        kind: 'single',
        title: '眼周、嘴角和额头的细纹情况是？',
        required: true,
        options: [
          { key: 'a', label: '没有细纹', scores: {} },
          { key: 'b', label: '做表情时才有', scores: { concerns: { wrinkles: 1 } } },
          { key: 'c', label: '不做表情也能看到', scores: { concerns: { wrinkles: 3 } } },
          { key: 'd', label: '纹路较深，脸部轮廓也不如以前紧致', scores: { concerns: { wrinkles: 3, firmness: 3 } } },
        ],
      },
      {
        key: 'tone',
        kind: 'single',
        title: '你的肤色状况更接近哪一种？',
        required: true,
        options: [
          { key: 'a', label: '均匀透亮', scores: {} },
          { key: 'b', label: '暗沉发黄，气色不好', scores: { concerns: { dullness: 3 } } },
          { key: 'c', label: '有色斑、晒斑或痘印', scores: { concerns: { spots: 3 } } },
          { key: 'd', label: '既有色斑，也比较暗沉', scores: { concerns: { spots: 2, dullness: 2 } } },
        ],
      },
      {
        key: 'dark_circles',
        kind: 'scale',
        title: '你的黑眼圈有多明显？',
        required: true,
        scale: { min: 1, max: 5, minLabel: '几乎没有', maxLabel: '非常明显', scores: { concerns: { dark_circles: 3 } } },
      },
      {
        key: 'age',
        kind: 'single',
        title: '你的年龄段是？',
        hint: '不同年龄段的肌肤需求不同',
        required: true,
        options: [
          { key: 'a', label: '18岁以下', scores: { types: { oily: 1 }, concerns: { acne: 1 } } },
          { key: 'b', label: '18–25岁', scores: {} },
          { key: 'c', label: '26–35岁', scores: {} },
          { key: 'd', label: '36–45岁', scores: { concerns: { wrinkles: 1, firmness: 1 } } },
          { key: 'e', label: '46岁及以上', scores: { types: { dry: 1 }, concerns: { wrinkles: 2, firmness: 2 } } },
        ],
      },
      {
        key: 'ingredients',
        kind: 'multiple',
        title: '你曾对以下哪些成分过敏或感到不适？',
        hint: '可多选，我们不会向你推荐含这些成分的产品',
        required: true,
        options: [
          { key: 'a', label: '香精', scores: { allergens: ['fragrance'] } },
          { key: 'b', label: '酒精', scores: { allergens: ['alcohol'] } },
          { key: 'c', label: '尼泊金酯类防腐剂', scores: { allergens: ['parabens'] } },
          { key: 'd', label: '植物精油', scores: { allergens: ['essential_oils'] } },
          { key: 'e', label: '水杨酸', scores: { allergens: ['salicylic_acid'] } },
          { key: 'f', label: '视黄醇（A醇）', scores: { allergens: ['retinol'] } },
          { key: 'g', label: '羊毛脂', scores: { allergens: ['lanolin'] } },
          { key: 'h', label: '坚果油（如杏仁油）', scores: { allergens: ['nut_oils'] } },
          { key: 'i', label: '没有过敏过，或不清楚', scores: {} },
        ],
      },
      {
        key: 'notes',
        kind: 'text',
        title: '其他想告诉我们的',
        hint: '比如正在使用的产品、皮肤科诊断或特别的护肤习惯（选填）',
        required: false,
      },
    ],
  },
};
