import type { StaffRole } from '@glow/contracts';

export const DEMO_PASSWORD = 'glow1234';

export const DEMO_BRAND = 'Glow 光彩';

export const DEMO_POLICY = {
  version: '2026.11',
  title: '光彩会员隐私政策',
  publishedAt: new Date('2026-11-01T00:00:00+08:00'),
  content: [
    '欢迎加入光彩会员。我们依据《中华人民共和国个人信息保护法》处理您的个人信息。',
    '一、我们收集的信息：经您授权的手机号码（用于识别会员身份、合并门店与线上消费记录）、您主动填写的昵称、头像、生日、性别与所在城市。',
    '二、使用目的：提供会员权益、积分与优惠券服务，由您的专属美容顾问为您提供咨询与预约服务。',
    '三、敏感个人信息：肤质测试答案与照片属于敏感个人信息，我们将在您单独同意后才收集。',
    '四、您的权利：您可随时查询、更正、导出您的个人信息，或申请注销会员账号。',
    '五、信息安全：手机号码加密存储，员工每次查看您的资料均会记录在审计日志中。',
  ].join('\n'),
};

export const DEMO_STORES = [
  { code: 'SH01', name: '上海静安嘉里中心店', city: '上海', address: '上海市静安区南京西路1515号嘉里中心B1层' },
  { code: 'BJ01', name: '北京三里屯太古里店', city: '北京', address: '北京市朝阳区三里屯路19号太古里南区S8-21' },
  { code: 'GZ01', name: '广州天河太古汇店', city: '广州', address: '广州市天河区天河路383号太古汇L1层' },
] as const;

export interface DemoStaff {
  code: string;
  username: string;
  name: string;
  role: StaffRole;
  storeCode: string | null;
}

export const DEMO_STAFF: DemoStaff[] = [
  { code: 'ADM1', username: 'admin', name: '周敏', role: 'admin', storeCode: null },
  { code: 'MKT1', username: 'marketer', name: '陈思琪', role: 'marketer', storeCode: null },
  { code: 'M001', username: 'manager1', name: '刘婷', role: 'store_manager', storeCode: 'SH01' },
  { code: 'M002', username: 'manager2', name: '赵雪', role: 'store_manager', storeCode: 'BJ01' },
  { code: 'M003', username: 'manager3', name: '黄嘉欣', role: 'store_manager', storeCode: 'GZ01' },
  { code: 'A001', username: 'advisor1', name: '王晓雯', role: 'advisor', storeCode: 'SH01' },
  { code: 'A002', username: 'advisor2', name: '李佳怡', role: 'advisor', storeCode: 'SH01' },
  { code: 'A003', username: 'advisor3', name: '张梦瑶', role: 'advisor', storeCode: 'BJ01' },
  { code: 'A004', username: 'advisor4', name: '杨紫涵', role: 'advisor', storeCode: 'BJ01' },
  { code: 'A005', username: 'advisor5', name: '吴诗琪', role: 'advisor', storeCode: 'GZ01' },
  { code: 'A006', username: 'advisor6', name: '郑雨桐', role: 'advisor', storeCode: 'GZ01' },
];

/** Cities members live in; the first three have stores, so most members come from them. */
export const DEMO_CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '南京', '苏州', '武汉', '重庆', '天津', '西安'];
