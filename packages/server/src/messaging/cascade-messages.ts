/*
 * The words of the city-to-county cascade (Chinese; the commission's working language).
 */
const num = (n: number): string => String(Math.round(n * 1e6) / 1e6);

export const CASCADE_ERRORS = {
  planNotPublished: '计划发布后才能下发区县',
  nothingToPush: '没有可下发的任务（任务须由已关联下级机构的县区局承担，或写明“各县市区……”）',
  noCountyAdmin: (county: string) => `${county}还没有系统管理员或计划管理员账号，无法为其建立承接计划`,
  unknownCounty: '所选机构不是本机构的直接下级机构',
  quotasOff: (sum: number, city: number, unit: string) =>
    `各区县分解数合计${num(sum)}${unit}，与市级目标${num(city)}${unit}相差${num(sum - city)}${unit}，请调整后再保存`,
  noCityValue: '该指标没有目标值，不能按权重分解',
  missingWeights: (name: string, counties: string) => `以下区县没有“${name}”数据：${counties}`,
  unknownWeight: (name: string) => `没有名为“${name}”的权重数据，请先在区县权重中录入`,
  staleProposal: '上级已再次修改该任务，请刷新后查看最新变更再接受',
  nothingToAccept: '上级没有新的变更需要接受',
  notTask: '只能关联任务',
  alreadyLinked: '该任务已关联上级任务',
  cityTaskGone: '上级任务不存在或所在计划未发布',
  noParent: '本机构没有上级机构',
} as const;

export const CASCADE_WORDS = {
  countyPlanTitle: (cityPlan: string, city: string) => `${cityPlan}（${city}交办任务）`.slice(0, 300),
} as const;
