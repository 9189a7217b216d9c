/** msgSecCheck's labels (§7): 100 normal, then the categories of risky content. */
export const SEC_CHECK_LABELS = {
  normal: 100,
  advertising: 10001,
  politics: 20001,
  pornography: 20002,
  abuse: 20003,
  illegal: 20006,
  fraud: 20008,
  vulgar: 20012,
  copyright: 20013,
  other: 21000,
} as const;

/** Every label but 100 may be given to a risky keyword. */
export const RISKY_LABELS: readonly number[] = Object.values(SEC_CHECK_LABELS).filter((label) => label !== SEC_CHECK_LABELS.normal);

/**
 * The words that make the emulated msgSecCheck answer `risky`, each with the label it reports. The real check is a
 * model; a fixed list keeps tests deterministic. `PUT /__control/sec-check/words` replaces it until the next reset.
 */
export const DEFAULT_SEC_CHECK_WORDS: Readonly<Record<string, number>> = {
  赌博: SEC_CHECK_LABELS.illegal,
  代开发票: SEC_CHECK_LABELS.fraud,
  加微信返现: SEC_CHECK_LABELS.advertising,
  色情: SEC_CHECK_LABELS.pornography,
  傻逼: SEC_CHECK_LABELS.abuse,
};

/** Content carrying one of these markers is answered `review` (label 21000), so tests can reach the human-review path. */
export const SEC_CHECK_REVIEW_MARKERS: readonly string[] = ['REVIEW', '[审核]'];
