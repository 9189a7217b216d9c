export * from './member/parse-scene';
export * from './member/phone';
export * from './member/member-no';
export * from './skin/skin-vocabulary';
export * from './skin/questionnaire';
export * from './catalog/product-category';
