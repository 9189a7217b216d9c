export default definePageConfig({ navigationBarTitleText: 'Glow 会员' });
