import type { Allergen, ProductCategory, SkinConcern, SkinType } from '@glow/domain';
import type { DataSource } from 'typeorm';

export interface DemoProduct {
  sku: string;
  name: string;
  line: string | null;
  category: ProductCategory;
  priceFen: number;
  suitableSkinTypes: SkinType[];
  concerns: SkinConcern[];
  allergens: Allergen[];
  usageDays: number | null;
  description: string;
}

const ALL_SKIN: SkinType[] = ['dry', 'oily', 'combination', 'normal', 'sensitive'];

/**
 * The catalog of the demo brand Glow 光采: four skincare lines (水光 hydration, 焕颜 anti-ageing and brightening,
 * 舒敏 for sensitive skin, 净透 for oily and blemish-prone skin), 光采彩妆, 光采香氛 and tools. Skin types, concerns
 * and allergens are what the recommendation rules match on, so they follow what each product really is: the 舒敏
 * line is free of fragrance and alcohol, 净透 uses salicylic acid, 焕颜 night care retinol.
 */
export const DEMO_PRODUCTS: DemoProduct[] = [
  // Cleansers and make-up removers
  { sku: 'GL-SK-001', name: '水光氨基酸洁面乳 120g', line: '水光系列', category: 'skincare', priceFen: 8900, suitableSkinTypes: ['dry', 'normal', 'combination'], concerns: ['dehydration'], allergens: ['fragrance'], usageDays: 90, description: '氨基酸表活温和清洁，洗后不紧绷，添加玻尿酸锁住水分。早晚使用，取黄豆大小打出泡沫后按摩全脸。' },
  { sku: 'GL-SK-002', name: '舒敏温和洁面泡沫 150ml', line: '舒敏系列', category: 'skincare', priceFen: 9900, suitableSkinTypes: ['sensitive', 'dry', 'normal'], concerns: ['redness'], allergens: [], usageDays: 90, description: '按压即出细密泡沫，弱酸性配方，无香精无酒精，泛红敏感期也能安心使用。' },
  { sku: 'GL-SK-003', name: '净透水杨酸洁面啫喱 120ml', line: '净透系列', category: 'skincare', priceFen: 9900, suitableSkinTypes: ['oily', 'combination'], concerns: ['acne', 'pores'], allergens: ['salicylic_acid', 'fragrance'], usageDays: 90, description: '0.5% 水杨酸深入毛孔溶解油脂，减少闭口和黑头，洗后清爽不拔干。建议晚间使用。' },
  { sku: 'GL-SK-004', name: '焕颜酵素洁颜粉 50g', line: '焕颜系列', category: 'skincare', priceFen: 12900, suitableSkinTypes: ['normal', 'combination', 'oily'], concerns: ['dullness', 'pores'], allergens: ['fragrance'], usageDays: 60, description: '木瓜蛋白酶温和分解老废角质，每周 2–3 次，肌肤更透亮光滑。' },
  { sku: 'GL-SK-005', name: '水光植萃卸妆油 200ml', line: '水光系列', category: 'skincare', priceFen: 15900, suitableSkinTypes: ['dry', 'normal', 'combination'], concerns: ['dehydration'], allergens: ['essential_oils', 'fragrance'], usageDays: 60, description: '轻盈植物油快速溶解彩妆与防晒，遇水乳化易冲净，卸后肌肤柔润。' },
  { sku: 'GL-SK-006', name: '舒敏温和卸妆水 400ml', line: '舒敏系列', category: 'skincare', priceFen: 11900, suitableSkinTypes: ALL_SKIN, concerns: ['redness'], allergens: [], usageDays: 90, description: '胶束技术轻擦即净，免洗不刺激，眼唇可用，敏感肌日常淡妆的温和之选。' },

  // Toners and mists
  { sku: 'GL-SK-007', name: '水光玻尿酸保湿水 150ml', line: '水光系列', category: 'skincare', priceFen: 16900, suitableSkinTypes: ['dry', 'normal', 'combination'], concerns: ['dehydration', 'dullness'], allergens: ['fragrance'], usageDays: 60, description: '三重分子玻尿酸层层补水，质地水润微稠，洁面后第一步为肌肤打底。' },
  { sku: 'GL-SK-008', name: '舒敏积雪草修护水 150ml', line: '舒敏系列', category: 'skincare', priceFen: 15900, suitableSkinTypes: ['sensitive', 'dry', 'normal'], concerns: ['redness', 'dehydration'], allergens: [], usageDays: 60, description: '积雪草与泛醇舒缓泛红，修护受损屏障，可湿敷急救。无香精、无酒精。' },
  { sku: 'GL-SK-009', name: '净透控油爽肤水 200ml', line: '净透系列', category: 'skincare', priceFen: 13900, suitableSkinTypes: ['oily', 'combination'], concerns: ['pores', 'acne'], allergens: ['alcohol', 'salicylic_acid'], usageDays: 60, description: '水杨酸搭配金缕梅二次清洁，收敛毛孔，平衡油脂分泌，T 区出油明显减少。' },
  { sku: 'GL-SK-010', name: '焕颜烟酰胺精华水 150ml', line: '焕颜系列', category: 'skincare', priceFen: 22900, suitableSkinTypes: ['normal', 'combination', 'oily', 'dry'], concerns: ['dullness', 'spots'], allergens: ['fragrance'], usageDays: 60, description: '5% 烟酰胺提亮暗沉，精华级水质，坚持使用肤色更均匀透亮。' },
  { sku: 'GL-SK-011', name: '水光舒缓保湿喷雾 100ml', line: '水光系列', category: 'skincare', priceFen: 9900, suitableSkinTypes: ['dry', 'normal', 'sensitive'], concerns: ['dehydration'], allergens: [], usageDays: 45, description: '细腻水雾随时补水，空调房、妆后均可使用，温泉水配方舒缓干燥。' },
  { sku: 'GL-SK-012', name: '焕颜紧致柔肤水 150ml', line: '焕颜系列', category: 'skincare', priceFen: 25900, suitableSkinTypes: ['dry', 'normal'], concerns: ['wrinkles', 'firmness'], allergens: ['fragrance', 'parabens'], usageDays: 60, description: '胶原蛋白肽与植物精萃滋润柔肤，令后续精华更好吸收，肌肤饱满有弹性。' },

  // Serums
  { sku: 'GL-SK-013', name: '水光玻尿酸原液精华 30ml', line: '水光系列', category: 'skincare', priceFen: 29900, suitableSkinTypes: ['dry', 'normal', 'combination', 'sensitive'], concerns: ['dehydration'], allergens: [], usageDays: 45, description: '高浓度玻尿酸原液，一抹化水，即时补水并长效保湿，成分精简敏感肌可用。' },
  { sku: 'GL-SK-014', name: '焕颜 A 醇抗皱精华 30ml', line: '焕颜系列', category: 'skincare', priceFen: 45900, suitableSkinTypes: ['normal', 'dry', 'combination'], concerns: ['wrinkles', 'firmness'], allergens: ['retinol'], usageDays: 60, description: '0.3% 缓释视黄醇淡化细纹，建立耐受后每晚使用，白天需做好防晒。孕期及哺乳期慎用。' },
  { sku: 'GL-SK-015', name: '焕颜 377 淡斑精华 30ml', line: '焕颜系列', category: 'skincare', priceFen: 39900, suitableSkinTypes: ['normal', 'combination', 'oily', 'dry'], concerns: ['spots', 'dullness'], allergens: ['fragrance'], usageDays: 60, description: '苯乙基间苯二酚抑制黑色素生成，淡化痘印与色斑，肤色更加均匀。' },
  { sku: 'GL-SK-016', name: '舒敏神经酰胺修护精华 30ml', line: '舒敏系列', category: 'skincare', priceFen: 32900, suitableSkinTypes: ['sensitive', 'dry'], concerns: ['redness', 'dehydration'], allergens: [], usageDays: 60, description: '三重神经酰胺修护屏障，减少泛红刺痛，换季不稳定期的修护精华。' },
  { sku: 'GL-SK-017', name: '净透杏仁酸焕肤精华 30ml', line: '净透系列', category: 'skincare', priceFen: 25900, suitableSkinTypes: ['oily', 'combination'], concerns: ['acne', 'pores', 'dullness'], allergens: ['salicylic_acid'], usageDays: 45, description: '杏仁酸复配水杨酸温和焕肤，疏通毛孔、改善闭口，肤质更细腻。晚间使用。' },
  { sku: 'GL-SK-018', name: '焕颜维 C 亮肤精华 30ml', line: '焕颜系列', category: 'skincare', priceFen: 35900, suitableSkinTypes: ['normal', 'combination', 'oily'], concerns: ['dullness', 'spots'], allergens: ['alcohol', 'fragrance'], usageDays: 45, description: '15% 左旋维 C 抗氧化提亮，搭配维 E 与阿魏酸更稳定，早上使用效果更佳。' },
  { sku: 'GL-SK-019', name: '净透烟酰胺控油精华 30ml', line: '净透系列', category: 'skincare', priceFen: 19900, suitableSkinTypes: ['oily', 'combination'], concerns: ['pores', 'acne', 'dullness'], allergens: [], usageDays: 45, description: '10% 烟酰胺加锌，调节油脂、淡化痘印，毛孔看起来更细致。' },
  { sku: 'GL-SK-020', name: '焕颜胜肽紧致精华 30ml', line: '焕颜系列', category: 'skincare', priceFen: 49900, suitableSkinTypes: ['dry', 'normal', 'combination'], concerns: ['firmness', 'wrinkles'], allergens: ['fragrance'], usageDays: 60, description: '多重胜肽复合配方，提升肌肤弹性，改善轮廓松弛，早晚可用。' },

  // Essences
  { sku: 'GL-SK-021', name: '水光发酵精华水 230ml', line: '水光系列', category: 'skincare', priceFen: 52900, suitableSkinTypes: ['dry', 'normal', 'combination', 'oily'], concerns: ['dullness', 'dehydration'], allergens: ['alcohol'], usageDays: 90, description: '酵母发酵滤液调理肤质，水油平衡，坚持使用肌肤透亮有光泽。' },
  { sku: 'GL-SK-022', name: '焕颜玻色因精华露 120ml', line: '焕颜系列', category: 'skincare', priceFen: 58900, suitableSkinTypes: ['dry', 'normal'], concerns: ['wrinkles', 'firmness'], allergens: ['fragrance'], usageDays: 60, description: '30% 玻色因充盈肌底，细纹看起来更平滑，质地醇厚滋润。' },
  { sku: 'GL-SK-023', name: '舒敏益生菌修护精华露 120ml', line: '舒敏系列', category: 'skincare', priceFen: 38900, suitableSkinTypes: ['sensitive', 'dry', 'normal', 'combination'], concerns: ['redness', 'dehydration'], allergens: [], usageDays: 60, description: '益生菌发酵产物稳定肌肤微生态，减少泛红，增强肌肤抵御力。' },
  { sku: 'GL-SK-024', name: '净透清透精华露 120ml', line: '净透系列', category: 'skincare', priceFen: 26900, suitableSkinTypes: ['oily', 'combination'], concerns: ['pores', 'acne'], allergens: ['alcohol'], usageDays: 60, description: '茶树与积雪草清透调理，控油不干燥，适合夏季与油痘肌日常使用。' },

  // Creams and lotions
  { sku: 'GL-SK-025', name: '水光保湿面霜 50g', line: '水光系列', category: 'skincare', priceFen: 32900, suitableSkinTypes: ['dry', 'normal'], concerns: ['dehydration'], allergens: ['fragrance'], usageDays: 75, description: '玻尿酸与角鲨烷双重保湿，锁水 72 小时，质地丰润不厚重。' },
  { sku: 'GL-SK-026', name: '水光清爽保湿乳 100ml', line: '水光系列', category: 'skincare', priceFen: 22900, suitableSkinTypes: ['combination', 'oily', 'normal'], concerns: ['dehydration', 'pores'], allergens: ['fragrance'], usageDays: 60, description: '轻薄乳液快速吸收，补水控油两不误，混油肌夏季的保湿选择。' },
  { sku: 'GL-SK-027', name: '焕颜视黄醇修护晚霜 50g', line: '焕颜系列', category: 'skincare', priceFen: 55900, suitableSkinTypes: ['dry', 'normal', 'combination'], concerns: ['wrinkles', 'firmness'], allergens: ['retinol', 'lanolin'], usageDays: 90, description: '夜间修护晚霜，缓释视黄醇配合神经酰胺，淡纹同时减少刺激。仅晚间使用。' },
  { sku: 'GL-SK-028', name: '焕颜紧致日霜 50g', line: '焕颜系列', category: 'skincare', priceFen: 49900, suitableSkinTypes: ['dry', 'normal'], concerns: ['firmness', 'wrinkles', 'dullness'], allergens: ['fragrance', 'nut_oils'], usageDays: 75, description: '胜肽与澳洲坚果油滋养紧致，妆前使用服帖不搓泥。' },
  { sku: 'GL-SK-029', name: '舒敏屏障修护霜 50g', line: '舒敏系列', category: 'skincare', priceFen: 36900, suitableSkinTypes: ['sensitive', 'dry'], concerns: ['redness', 'dehydration'], allergens: [], usageDays: 75, description: '仿生脂质修护屏障，缓解干痒泛红，无香精、无酒精、无防腐剂添加。' },
  { sku: 'GL-SK-030', name: '舒敏修护乳 100ml', line: '舒敏系列', category: 'skincare', priceFen: 26900, suitableSkinTypes: ['sensitive', 'normal', 'combination'], concerns: ['redness'], allergens: [], usageDays: 60, description: '轻薄修护乳液，舒缓镇静，适合敏感偏混合肌日常使用。' },
  { sku: 'GL-SK-031', name: '净透控油凝露 50g', line: '净透系列', category: 'skincare', priceFen: 21900, suitableSkinTypes: ['oily', 'combination'], concerns: ['acne', 'pores'], allergens: ['alcohol'], usageDays: 60, description: '啫喱质地清爽水润，控油 8 小时，减少痘痘反复。' },
  { sku: 'GL-SK-032', name: '焕颜乳木果滋养霜 50g', line: '焕颜系列', category: 'skincare', priceFen: 39900, suitableSkinTypes: ['dry'], concerns: ['dehydration', 'firmness'], allergens: ['nut_oils', 'lanolin', 'fragrance'], usageDays: 90, description: '乳木果油与羊毛脂深层滋养，改善干燥起皮，秋冬干皮必备。' },

  // Eye care
  { sku: 'GL-SK-033', name: '焕颜 A 醇抗皱眼霜 15g', line: '焕颜系列', category: 'skincare', priceFen: 42900, suitableSkinTypes: ['dry', 'normal', 'combination'], concerns: ['wrinkles', 'dark_circles'], allergens: ['retinol'], usageDays: 90, description: '低浓度视黄醇专为眼周设计，淡化眼周细纹，晚间米粒大小点涂即可。' },
  { sku: 'GL-SK-034', name: '水光咖啡因眼部精华 15ml', line: '水光系列', category: 'skincare', priceFen: 29900, suitableSkinTypes: ALL_SKIN, concerns: ['dark_circles', 'dehydration'], allergens: [], usageDays: 60, description: '5% 咖啡因改善眼周浮肿与黑眼圈，钢珠按摩头冰凉舒适。' },
  { sku: 'GL-SK-035', name: '舒敏修护眼霜 15g', line: '舒敏系列', category: 'skincare', priceFen: 32900, suitableSkinTypes: ['sensitive', 'dry', 'normal'], concerns: ['dark_circles', 'wrinkles'], allergens: [], usageDays: 90, description: '温和不刺激的眼霜，滋润眼周干纹，敏感眼周也能放心使用。' },

  // Sun care
  { sku: 'GL-SK-036', name: '水光保湿防晒乳 SPF50+ PA++++ 50ml', line: '水光系列', category: 'skincare', priceFen: 19900, suitableSkinTypes: ['dry', 'normal', 'combination'], concerns: ['spots', 'dehydration'], allergens: ['fragrance'], usageDays: 60, description: '高倍防晒同时补水保湿，质地水润不闷痘，可作妆前使用。' },
  { sku: 'GL-SK-037', name: '舒敏物理防晒霜 SPF30 PA+++ 40ml', line: '舒敏系列', category: 'skincare', priceFen: 21900, suitableSkinTypes: ['sensitive', 'dry', 'normal'], concerns: ['redness', 'spots'], allergens: [], usageDays: 60, description: '纯物理防晒剂，低刺激，敏感肌、术后肌日常通勤防护。' },
  { sku: 'GL-SK-038', name: '净透清爽防晒露 SPF50+ PA++++ 50ml', line: '净透系列', category: 'skincare', priceFen: 18900, suitableSkinTypes: ['oily', 'combination'], concerns: ['spots', 'pores'], allergens: ['alcohol'], usageDays: 60, description: '轻薄水感防晒，成膜快不油腻，户外运动也持久防护。' },
  { sku: 'GL-SK-039', name: '焕颜养肤隔离霜 SPF50 PA+++ 30ml', line: '焕颜系列', category: 'skincare', priceFen: 26900, suitableSkinTypes: ['normal', 'combination', 'dry'], concerns: ['spots', 'dullness', 'wrinkles'], allergens: ['fragrance'], usageDays: 45, description: '防晒、隔离、提亮三合一，淡紫色调修饰暗沉，打造自然好气色。' },

  // Masks and treatments
  { sku: 'GL-SK-040', name: '水光玻尿酸补水面膜 5 片', line: '水光系列', category: 'skincare', priceFen: 12900, suitableSkinTypes: ['dry', 'normal', 'combination', 'sensitive'], concerns: ['dehydration'], allergens: [], usageDays: 15, description: '天丝膜布服帖，每片含 30ml 精华液，敷后肌肤水润透亮。每周 2–3 次。' },
  { sku: 'GL-SK-041', name: '舒敏积雪草修护面膜 5 片', line: '舒敏系列', category: 'skincare', priceFen: 13900, suitableSkinTypes: ['sensitive', 'dry'], concerns: ['redness', 'dehydration'], allergens: [], usageDays: 15, description: '换季泛红、晒后不适时的急救面膜，快速镇静舒缓。' },
  { sku: 'GL-SK-042', name: '净透清洁泥膜 100g', line: '净透系列', category: 'skincare', priceFen: 15900, suitableSkinTypes: ['oily', 'combination'], concerns: ['pores', 'acne'], allergens: ['essential_oils'], usageDays: 60, description: '高岭土吸附油脂与污垢，茶树精油净化，每周 1–2 次深层清洁。' },
  { sku: 'GL-SK-043', name: '焕颜紧致睡眠面膜 80ml', line: '焕颜系列', category: 'skincare', priceFen: 25900, suitableSkinTypes: ['dry', 'normal'], concerns: ['firmness', 'dullness'], allergens: ['fragrance'], usageDays: 45, description: '晚间护肤最后一步厚涂，免洗过夜，次日肌肤饱满有光泽。' },
  { sku: 'GL-SK-044', name: '焕颜亮白面膜 5 片', line: '焕颜系列', category: 'skincare', priceFen: 14900, suitableSkinTypes: ['normal', 'combination', 'oily'], concerns: ['dullness', 'spots'], allergens: ['fragrance'], usageDays: 15, description: '烟酰胺与熊果苷提亮肤色，重要场合前一晚的亮肤急救。' },
  { sku: 'GL-SK-045', name: '净透祛痘点涂精华 15ml', line: '净透系列', category: 'skincare', priceFen: 12900, suitableSkinTypes: ['oily', 'combination'], concerns: ['acne'], allergens: ['salicylic_acid', 'alcohol'], usageDays: 90, description: '2% 水杨酸局部点涂，针对冒头痘痘，快速收干不留印。' },

  // Makeup
  { sku: 'GL-MU-001', name: '光采水光粉底液 30ml', line: '光采彩妆', category: 'makeup', priceFen: 29900, suitableSkinTypes: ['dry', 'normal'], concerns: ['dullness'], allergens: ['fragrance'], usageDays: 120, description: '添加玻尿酸的养肤粉底，轻薄水光妆效，中等遮瑕，7 个色号可选。' },
  { sku: 'GL-MU-002', name: '光采持妆控油粉底液 30ml', line: '光采彩妆', category: 'makeup', priceFen: 29900, suitableSkinTypes: ['oily', 'combination'], concerns: ['pores'], allergens: ['alcohol'], usageDays: 120, description: '雾面妆效 12 小时持妆，控油不暗沉，模糊毛孔。' },
  { sku: 'GL-MU-003', name: '光采舒敏气垫 BB 霜 12g（含替换装）', line: '光采彩妆', category: 'makeup', priceFen: 25900, suitableSkinTypes: ['sensitive', 'dry', 'normal'], concerns: ['redness'], allergens: [], usageDays: 90, description: '物理防晒 SPF30，修饰泛红，无香精配方，敏感肌也能轻松上妆。' },
  { sku: 'GL-MU-004', name: '光采柔焦遮瑕液 5ml', line: '光采彩妆', category: 'makeup', priceFen: 12900, suitableSkinTypes: ALL_SKIN, concerns: ['dark_circles', 'spots'], allergens: [], usageDays: 180, description: '高遮瑕不卡纹，轻松遮盖黑眼圈、痘印与斑点。' },
  { sku: 'GL-MU-005', name: '光采控油定妆散粉 8g', line: '光采彩妆', category: 'makeup', priceFen: 16900, suitableSkinTypes: ['oily', 'combination'], concerns: ['pores'], allergens: ['fragrance'], usageDays: 180, description: '细腻粉质吸附油光，定妆持久，柔焦毛孔。' },
  { sku: 'GL-MU-006', name: '光采妆前隔离乳 30ml', line: '光采彩妆', category: 'makeup', priceFen: 16900, suitableSkinTypes: ALL_SKIN, concerns: ['pores', 'dullness'], allergens: ['fragrance'], usageDays: 120, description: '填平毛孔、均匀肤色，让底妆更服帖持久。' },
  { sku: 'GL-MU-007', name: '光采绿色修颜乳 30ml', line: '光采彩妆', category: 'makeup', priceFen: 15900, suitableSkinTypes: ['sensitive', 'normal', 'combination'], concerns: ['redness'], allergens: [], usageDays: 120, description: '绿色调中和泛红与痘印，舒敏配方不刺激。' },
  { sku: 'GL-MU-008', name: '光采丝绒哑光口红 #01 正红 3.5g', line: '光采彩妆', category: 'makeup', priceFen: 16900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance'], usageDays: 180, description: '经典正红，丝绒哑光质地，显色饱满不拔干。' },
  { sku: 'GL-MU-009', name: '光采丝绒哑光口红 #05 豆沙 3.5g', line: '光采彩妆', category: 'makeup', priceFen: 16900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance'], usageDays: 180, description: '温柔豆沙色，日常通勤百搭，薄涂厚涂皆宜。' },
  { sku: 'GL-MU-010', name: '光采水光唇釉 #03 蜜桃 3ml', line: '光采彩妆', category: 'makeup', priceFen: 13900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance'], usageDays: 180, description: '镜面水光感，蜜桃色元气满满，含植物油滋润双唇。' },
  { sku: 'GL-MU-011', name: '光采修护润唇膏 3.5g', line: '光采彩妆', category: 'makeup', priceFen: 6900, suitableSkinTypes: [], concerns: ['dehydration'], allergens: ['lanolin'], usageDays: 90, description: '羊毛脂与乳木果滋润修护干裂双唇，可作口红打底。' },
  { sku: 'GL-MU-012', name: '光采四色眼影盘 大地色 6g', line: '光采彩妆', category: 'makeup', priceFen: 22900, suitableSkinTypes: [], concerns: [], allergens: ['parabens'], usageDays: 365, description: '哑光与珠光搭配，日常大地色系，新手也能轻松画出层次。' },
  { sku: 'GL-MU-013', name: '光采防水眼线笔 黑色 0.3g', line: '光采彩妆', category: 'makeup', priceFen: 8900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: 120, description: '极细笔头流畅顺滑，防水防汗不晕染。' },
  { sku: 'GL-MU-014', name: '光采纤长卷翘睫毛膏 8ml', line: '光采彩妆', category: 'makeup', priceFen: 12900, suitableSkinTypes: [], concerns: [], allergens: ['parabens'], usageDays: 90, description: '纤维配方根根分明，卷翘持久；开封后建议 3 个月内用完。' },
  { sku: 'GL-MU-015', name: '光采自然眉笔 深棕 0.2g', line: '光采彩妆', category: 'makeup', priceFen: 6900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: 120, description: '三角笔芯易上手，自带眉刷，打造自然野生眉。' },
  { sku: 'GL-MU-016', name: '光采柔雾腮红 #02 珊瑚 5g', line: '光采彩妆', category: 'makeup', priceFen: 13900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance'], usageDays: 365, description: '细腻柔雾粉质，珊瑚色提升好气色，易晕染不结块。' },
  { sku: 'GL-MU-017', name: '光采高光修容盘 10g', line: '光采彩妆', category: 'makeup', priceFen: 18900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: 365, description: '一盘两色，修容塑造立体轮廓，高光提亮面部光泽。' },
  { sku: 'GL-MU-018', name: '光采持妆定妆喷雾 100ml', line: '光采彩妆', category: 'makeup', priceFen: 13900, suitableSkinTypes: ALL_SKIN, concerns: [], allergens: ['alcohol'], usageDays: 60, description: '妆后喷洒成膜定妆，长效持妆不脱妆。' },
  { sku: 'GL-MU-019', name: '光采唇线笔 #02 玫瑰豆沙 0.3g', line: '光采彩妆', category: 'makeup', priceFen: 6900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: 180, description: '勾勒唇形防晕染，搭配同色口红唇妆更精致。' },
  { sku: 'GL-MU-020', name: '光采持色指甲油 #07 樱花粉 10ml', line: '光采彩妆', category: 'makeup', priceFen: 7900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: 180, description: '快干亮泽，一涂显色，持色 7 天不易剥落。' },

  // Fragrance
  { sku: 'GL-FR-001', name: '光采·晨露 淡香水 50ml', line: '光采香氛', category: 'fragrance', priceFen: 59900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance', 'alcohol', 'essential_oils'], usageDays: 365, description: '前调柑橘与青叶，中调白花，尾调白麝香，清晨露水般的清新感。' },
  { sku: 'GL-FR-002', name: '光采·白茶 淡香水 50ml', line: '光采香氛', category: 'fragrance', priceFen: 59900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance', 'alcohol'], usageDays: 365, description: '白茶与佛手柑交织，安静温润的东方茶香。' },
  { sku: 'GL-FR-003', name: '光采·玫瑰 浓香水 30ml', line: '光采香氛', category: 'fragrance', priceFen: 69900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance', 'alcohol', 'essential_oils'], usageDays: 300, description: '大马士革玫瑰精油搭配广藿香，浓郁优雅，留香持久。' },
  { sku: 'GL-FR-004', name: '光采·桂花 淡香水 30ml', line: '光采香氛', category: 'fragrance', priceFen: 39900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance', 'alcohol'], usageDays: 240, description: '金秋桂花的甜润香气，温柔而有记忆点。' },
  { sku: 'GL-FR-005', name: '光采·雪松 古龙水 100ml', line: '光采香氛', category: 'fragrance', priceFen: 45900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance', 'alcohol', 'essential_oils'], usageDays: 300, description: '雪松与岩兰草的木质香调，干净利落，男女皆宜。' },
  { sku: 'GL-FR-006', name: '光采白茶香氛身体乳 200ml', line: '光采香氛', category: 'fragrance', priceFen: 16900, suitableSkinTypes: ['dry', 'normal'], concerns: ['dehydration'], allergens: ['fragrance', 'nut_oils'], usageDays: 60, description: '白茶香氛身体乳，乳木果与甜杏仁油滋润全身肌肤。' },
  { sku: 'GL-FR-007', name: '光采玫瑰香氛护手霜 50g', line: '光采香氛', category: 'fragrance', priceFen: 7900, suitableSkinTypes: ['dry', 'normal'], concerns: ['dehydration'], allergens: ['fragrance', 'lanolin'], usageDays: 45, description: '玫瑰香氛护手霜，快速吸收不黏腻，随身携带。' },
  { sku: 'GL-FR-008', name: '光采·晨露 室内扩香 150ml', line: '光采香氛', category: 'fragrance', priceFen: 29900, suitableSkinTypes: [], concerns: [], allergens: ['fragrance', 'essential_oils'], usageDays: 90, description: '藤条无火扩香，让家中弥漫清新晨露香气。' },

  // Tools
  { sku: 'GL-TL-001', name: '光采美妆蛋 2 只装', line: null, category: 'tools', priceFen: 3900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: 90, description: '遇水膨胀，柔软 Q 弹，上妆服帖不吃粉。建议 3 个月更换。' },
  { sku: 'GL-TL-002', name: '光采粉底刷', line: null, category: 'tools', priceFen: 6900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: 365, description: '高密度纤维刷毛，斜面设计，快速打造无痕底妆。' },
  { sku: 'GL-TL-003', name: '光采化妆刷套装 8 支', line: null, category: 'tools', priceFen: 29900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: 730, description: '底妆、眼妆、修容全套 8 支，附收纳包。' },
  { sku: 'GL-TL-004', name: '光采硅胶洁面仪', line: null, category: 'tools', priceFen: 59900, suitableSkinTypes: ALL_SKIN, concerns: ['pores'], allergens: [], usageDays: null, description: '声波振动深层清洁，食品级硅胶刷头，IPX7 防水，充电一次可用 100 天。' },
  { sku: 'GL-TL-005', name: '光采广角睫毛夹', line: null, category: 'tools', priceFen: 4900, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: null, description: '广角弧度贴合东方眼型，一夹卷翘不夹眼皮。' },
  { sku: 'GL-TL-006', name: '光采纯棉化妆棉 180 片', line: null, category: 'tools', priceFen: 2900, suitableSkinTypes: ALL_SKIN, concerns: [], allergens: [], usageDays: 60, description: '100% 纯棉，柔软不掉絮，湿敷卸妆两用。' },
  { sku: 'GL-TL-007', name: '光采玉石按摩滚轮', line: null, category: 'tools', priceFen: 19900, suitableSkinTypes: ALL_SKIN, concerns: ['firmness'], allergens: [], usageDays: null, description: '天然岫玉滚轮，配合精华按摩，促进吸收、舒缓浮肿。' },
];

/** Adds the demo catalog; products already there (by SKU) are left as they are, so it can run at every start. */
export async function seedProducts(db: DataSource, log: (line: string) => void): Promise<number> {
  const inserted = await db.query<{ sku: string }[]>(
    `INSERT INTO product (sku, name, line, category, price_fen, description, suitable_skin_types, concerns, allergens, usage_days)
     SELECT p.sku, p.name, p.line, p.category, p.price_fen, p.description, p.suitable_skin_types, p.concerns, p.allergens, p.usage_days
       FROM jsonb_to_recordset($1::jsonb) AS p(sku text, name text, line text, category text, price_fen integer, description text,
                                               suitable_skin_types text[], concerns text[], allergens text[], usage_days integer)
     ON CONFLICT (sku) DO NOTHING
     RETURNING sku`,
    [
      JSON.stringify(
        DEMO_PRODUCTS.map((p) => ({
          sku: p.sku,
          name: p.name,
          line: p.line,
          category: p.category,
          price_fen: p.priceFen,
          description: p.description,
          suitable_skin_types: p.suitableSkinTypes,
          concerns: p.concerns,
          allergens: p.allergens,
          usage_days: p.usageDays,
        })),
      ),
    ],
  );
  log(inserted.length > 0 ? `${inserted.length} demo products added (catalog of ${DEMO_PRODUCTS.length})` : `${DEMO_PRODUCTS.length} demo products already there`);
  return inserted.length;
}
