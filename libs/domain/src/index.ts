export * from './member/parse-scene';
export * from './member/phone';
export * from './member/member-no';
