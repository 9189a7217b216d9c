export default definePageConfig({ navigationBarTitleText: '在线商城' });
