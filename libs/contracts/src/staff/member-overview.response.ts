/** Member numbers for the console's overview dashboard, within the caller's store scope. */
export interface MemberOverviewResponse {
  total: number;
  joinedLast30Days: number;
  /** Share of members reachable in WeChat (joined through the mini-program or linked to a WeChat account). */
  wechatLinked: number;
  byStore: { storeId: string; storeName: string; members: number }[];
  /** The last 12 months including the current one, oldest first, by business month in Asia/Shanghai. */
  joinsByMonth: { month: string; wechat: number; store: number }[];
}
