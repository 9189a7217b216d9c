/**
 * The separate notice a member agrees to before any skin answer is stored (PIPL art. 28–29: information about
 * health and physical traits is sensitive and needs its own consent). A new version asks again.
 */
export const SKIN_DATA_NOTICE = {
  version: '2026-11-skin-1',
  title: '肤质数据授权说明',
  content: [
    '肤质测试需要收集您的肌肤状况、过敏成分等信息。根据《个人信息保护法》，这些信息属于敏感个人信息，我们需要征得您的单独同意。',
    '用途：仅用于生成您的肤质报告、为您推荐合适的产品，以及让为您服务的美容顾问了解您的肌肤情况。',
    '保存与查看：数据加密传输并保存在品牌服务器中；顾问每次查看都会被记录。',
    '您的权利：您可以随时在「我的 - 隐私与数据」中撤回授权，撤回后我们将删除您的全部肤质答案与报告；也可以导出或注销账号。',
    '不同意不影响您使用会员的其他功能。',
  ].join('\n\n'),
} as const;
