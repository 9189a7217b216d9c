import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { CouponQuote } from '@glow/contracts';
import { formatYuan } from '@glow/domain';
import { CouponFace } from '../../../../components/coupon-face';
import { ProductThumb } from '../../../../components/product-card';
import { Button } from '../../../../components/ui';
import { type PickerRow, isBestSelection, pickerRows, usableCount } from '../../../../utils/coupon-quote';
import { cartSubtotalFen } from '../../../../utils/cart';
import { useCheckout } from './use-checkout';
import styles from './index.module.scss';

export default function CheckoutPage() {
  const page = useCheckout();
  const { state, lines } = page;

  if (page.placed) {
    return (
      <View id='checkout' className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='checkout-placed' className={styles.empty}>
            订单已提交，正在前往支付…
          </Text>
        </View>
      </View>
    );
  }

  if (lines.length === 0) {
    return (
      <View id='checkout' className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='checkout-empty' className={styles.empty}>
            购物车是空的
          </Text>
          <Button id='checkout-go-shop' type='primary' onClick={page.goShop}>
            去商城逛逛
          </Button>
        </View>
      </View>
    );
  }

  const quote = state.status === 'ready' ? state.quote : null;
  return (
    <View id='checkout' className={styles.page}>
      <View className={styles.section}>
        <Text className={styles.sectionTitle}>商品</Text>
        {lines.map((line) => (
          <View key={line.sku} className={`checkout-line ${styles.line}`} data-sku={line.sku}>
            <ProductThumb product={line.product} />
            <View className={styles.lineInfo}>
              <Text className={`line-name ${styles.lineName}`}>{line.product.name}</Text>
              <Text className={styles.lineUnit}>单价 {formatYuan(line.product.priceFen)}</Text>
              <View className={styles.lineFooter}>
                <Text className={`line-total ${styles.lineTotal}`}>{formatYuan(line.product.priceFen * line.quantity)}</Text>
                <View className={styles.stepper}>
                  <View className={`line-decrease ${styles.step} ${styles.stepMinus}`} onClick={() => page.setQuantity(line.sku, line.quantity - 1)}>
                    <Text>−</Text>
                  </View>
                  <Text className={`line-quantity ${styles.quantity}`}>{line.quantity}</Text>
                  <View className={`line-increase ${styles.step}`} onClick={() => page.setQuantity(line.sku, line.quantity + 1)}>
                    <Text>+</Text>
                  </View>
                </View>
              </View>
            </View>
          </View>
        ))}
      </View>

      {state.status === 'error' ? (
        <View className={styles.statusBox}>
          <Text id='checkout-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='checkout-retry' type='primary' fill='outline' onClick={page.retry}>
            重新计算
          </Button>
        </View>
      ) : (
        <View className={styles.section}>
          <Row label='商品金额'>
            <Text id='checkout-subtotal'>{formatYuan(quote?.subtotalFen ?? cartSubtotalFen(lines))}</Text>
          </Row>
          <CouponRow quote={quote} onOpen={page.openPicker} />
          {quote && quote.applied.gifts.length > 0 ? (
            <Row label='赠品'>
              <Text id='checkout-gifts'>{quote.applied.gifts.map((gift) => gift.name).join('、')}</Text>
            </Row>
          ) : null}
          <View className={styles.totalRow}>
            <Text className={styles.totalLabel}>实付</Text>
            <Text id='checkout-total' className={styles.total}>
              {quote ? formatYuan(quote.applied.totalFen) : '计算中…'}
            </Text>
          </View>
        </View>
      )}

      {page.retryNotice ? (
        <Text id='checkout-retry-notice' className={styles.notice}>
          {page.retryNotice}
        </Text>
      ) : null}

      <View className={styles.bar}>
        <View className={styles.barText}>
          <Text className={styles.barLabel}>合计</Text>
          <Text className={styles.barTotal}>{quote ? formatYuan(quote.applied.totalFen) : '—'}</Text>
        </View>
        <Button id='checkout-submit' type='primary' disabled={!quote || page.quoting} loading={page.submitting} onClick={page.submit}>
          提交订单并支付
        </Button>
      </View>

      {page.picking && quote ? (
        <CouponPicker
          quote={quote}
          quoting={page.quoting}
          onToggle={page.toggle}
          onNone={page.chooseNone}
          onBest={page.chooseBest}
          onClose={page.closePicker}
        />
      ) : null}
    </View>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className={styles.row}>
      <Text className={styles.rowLabel}>{label}</Text>
      <View className={styles.rowValue}>{children}</View>
    </View>
  );
}

/** The coupons on this order: the API's best suggestion at first, or the member's own picks. */
function CouponRow({ quote, onOpen }: { quote: CouponQuote | null; onOpen: () => void }) {
  if (!quote) {
    return (
      <Row label='优惠券'>
        <Text className={styles.muted}>计算中…</Text>
      </Row>
    );
  }
  const applied = quote.applied.couponIds;
  const names = quote.options.filter((option) => applied.includes(option.coupon.id)).map((option) => option.coupon.template.name);
  const usable = usableCount(quote);
  return (
    <View id='checkout-coupons' className={`${styles.row} ${styles.couponRow}`} onClick={onOpen} data-applied={applied.join(',')}>
      <Text className={styles.rowLabel}>优惠券</Text>
      <View className={styles.couponValue}>
        {applied.length > 0 ? (
          <>
            <Text id='checkout-discount' className={styles.discount}>
              -{formatYuan(quote.applied.discountFen)}
            </Text>
            <Text id='checkout-applied' className={styles.couponNames}>
              {names.join('、')}
            </Text>
            {isBestSelection(quote) ? (
              <Text id='checkout-best-hint' className={styles.bestHint}>
                已为你选择最优优惠
              </Text>
            ) : null}
          </>
        ) : (
          <Text id='checkout-coupon-none' className={styles.muted}>
            {usable > 0 ? `${usable} 张可用，未使用` : '暂无可用优惠券'}
          </Text>
        )}
      </View>
      <Text className={styles.chevron}>›</Text>
    </View>
  );
}

interface CouponPickerProps {
  quote: CouponQuote;
  quoting: boolean;
  onToggle: (option: PickerRow['option']) => void;
  onNone: () => void;
  onBest: () => void;
  onClose: () => void;
}

/** Every available coupon of the member against this cart: usable ones can be picked, the others say why not. */
function CouponPicker({ quote, quoting, onToggle, onNone, onBest, onClose }: CouponPickerProps) {
  const rows = pickerRows(quote);
  const best = isBestSelection(quote);
  return (
    <View className={styles.mask} onClick={onClose}>
      <View id='coupon-picker' className={styles.sheet} onClick={(event) => event.stopPropagation()}>
        <View className={styles.sheetHeader}>
          <Text className={styles.sheetTitle}>选择优惠券</Text>
          <Text id='coupon-picker-discount' className={styles.sheetDiscount}>
            {quoting ? '计算中…' : quote.applied.discountFen > 0 ? `已优惠 ${formatYuan(quote.applied.discountFen)}` : '未使用优惠'}
          </Text>
        </View>
        <View className={styles.sheetShortcuts}>
          <Text id='coupon-best' className={`${styles.shortcut} ${best ? styles.shortcutActive : ''}`} onClick={onBest}>
            最优组合
          </Text>
          <Text id='coupon-none' className={`${styles.shortcut} ${quote.applied.couponIds.length === 0 ? styles.shortcutActive : ''}`} onClick={onNone}>
            不使用优惠券
          </Text>
        </View>
        <View className={styles.sheetList}>
          {rows.length === 0 ? <Text className={styles.muted}>暂无可用的优惠券</Text> : null}
          {rows.map((row) => (
            <View
              key={row.option.coupon.id}
              className={`coupon-option ${row.selected ? 'is-selected' : ''} ${row.selectable ? '' : 'is-disabled'} ${styles.option}`}
              data-coupon-id={row.option.coupon.id}
              data-outcome={row.option.outcome}
              onClick={() => onToggle(row.option)}
            >
              <CouponFace face={row.option.coupon.face} muted={!row.selectable}>
                <View className={styles.optionHeader}>
                  <Text className={`coupon-name ${styles.optionName}`}>{row.option.coupon.template.name}</Text>
                  {row.selectable ? (
                    <View className={`${styles.check} ${row.selected ? styles.checked : ''}`}>
                      <Text>{row.selected ? '✓' : ''}</Text>
                    </View>
                  ) : null}
                </View>
                {row.option.discountFen > 0 && row.option.outcome === 'ok' ? (
                  <Text className={`coupon-saving ${styles.saving}`}>可省 {formatYuan(row.option.discountFen)}</Text>
                ) : null}
                {row.note ? <Text className={`coupon-message ${styles.message}`}>{row.note}</Text> : null}
              </CouponFace>
            </View>
          ))}
        </View>
        <Button id='coupon-picker-done' type='primary' block disabled={quoting} onClick={onClose}>
          完成
        </Button>
      </View>
    </View>
  );
}
