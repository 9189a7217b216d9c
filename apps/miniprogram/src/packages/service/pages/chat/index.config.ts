// Pull down to load older messages, as in WeChat's own chats.
export default definePageConfig({ navigationBarTitleText: '在线客服', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
