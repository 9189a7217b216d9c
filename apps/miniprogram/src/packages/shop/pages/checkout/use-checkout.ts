import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CouponOption, CouponQuote } from '@glow/contracts';
import { quoteCoupons } from '../../../../services/coupon.service';
import { errorMessage } from '../../../../services/http';
import { checkout } from '../../../../services/order.service';
import { handOverPayment } from '../../../../services/payment.service';
import { cartItems } from '../../../../utils/cart';
import { toggleCoupon } from '../../../../utils/coupon-quote';
import { newIdempotencyKey, outcomeUnknown, pendingKeyFor } from '../../../../utils/idempotency';
import { SHOP_PAGES, shopOrderPage } from '../../../../utils/navigation';
import { useCart } from '../../use-cart';

export type QuoteState = { status: 'loading' } | { status: 'ready'; quote: CouponQuote } | { status: 'error'; message: string };

/**
 * Checkout: the cart priced by the API with the member's coupons. The first quote asks for the API's best
 * suggestion; every change in the picker asks again with the coupons picked, so the totals on screen are always
 * the API's. Submitting places the order with exactly the coupons shown, then hands it to the order page to pay.
 */
export function useCheckout() {
  const cart = useCart();
  const items = cartItems(cart.lines);
  const itemsKey = JSON.stringify(items);
  const [state, setState] = useState<QuoteState>({ status: 'loading' });
  const [quoting, setQuoting] = useState(false);
  const [picking, setPicking] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  /** The order is placed and the page is on its way to paying it; the emptied cart is not shown meanwhile. */
  const [placed, setPlaced] = useState(false);
  /** Shown when placing the order got no answer: the next tap repeats the same order rather than placing another. */
  const [retryNotice, setRetryNotice] = useState<string | null>(null);
  /** Only the latest quote request may update the page; answers can arrive out of order. */
  const latest = useRef(0);
  const inFlight = useRef(false);

  const itemsNow = useRef(items);
  itemsNow.current = items;
  /** The quote on screen, kept when a later change fails. */
  const shownQuote = useRef<CouponQuote | null>(null);

  /** `couponIds` undefined: the API's best suggestion; an array: exactly those (empty: no coupon). */
  const requestQuote = useCallback(async (couponIds?: string[]) => {
    if (itemsNow.current.length === 0) return;
    const request = (latest.current += 1);
    setQuoting(true);
    try {
      const quote = await quoteCoupons(itemsNow.current, couponIds);
      if (request !== latest.current) return;
      shownQuote.current = quote;
      setState({ status: 'ready', quote });
    } catch (error) {
      if (request !== latest.current) return;
      if (couponIds !== undefined && !outcomeUnknown(error)) {
        // The picked coupons were refused (409 COUPON_NOT_APPLICABLE: they do not combine or no longer apply; 404
        // COUPON_NOT_FOUND: one was used or expired meanwhile): say why and fall back to the best ones.
        void Taro.showToast({ title: errorMessage(error), icon: 'none' });
        void requestQuote();
        return;
      }
      // Keep the last totals on screen when only a change failed; the toast says so.
      if (shownQuote.current) void Taro.showToast({ title: errorMessage(error), icon: 'none' });
      else setState({ status: 'error', message: errorMessage(error) });
    } finally {
      if (request === latest.current) setQuoting(false);
    }
  }, []);

  // Priced on arrival, and again whenever the cart itself changes.
  useEffect(() => {
    void requestQuote();
  }, [itemsKey, requestQuote]);

  const quote = state.status === 'ready' ? state.quote : null;

  const submit = async () => {
    if (!quote || quoting || inFlight.current || items.length === 0) return;
    inFlight.current = true;
    setSubmitting(true);
    setRetryNotice(null);
    const couponIds = quote.applied.couponIds;
    // One key per intended order (these items with these coupons), repeated until the API has answered it.
    const key = pendingKeyFor(`checkout:${itemsKey}:${couponIds.join(',')}`, () => newIdempotencyKey('checkout'));
    try {
      const response = await checkout(items, couponIds, key.take());
      key.settle();
      setPlaced(true);
      // The order holds the items now; 继续支付 on the order page, not the cart, pays for it.
      cart.clear();
      handOverPayment(response);
      void Taro.redirectTo({ url: shopOrderPage(response.order.id, { pay: true }) });
    } catch (error) {
      if (outcomeUnknown(error)) {
        setRetryNotice(`${errorMessage(error)}。下单结果未知，请再次提交，不会重复下单`);
      } else {
        key.settle();
        void Taro.showToast({ title: errorMessage(error), icon: 'none' });
        // Coupons, prices or stock moved under the member (409 COUPON_NOT_APPLICABLE…): price the cart again.
        void requestQuote();
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return {
    lines: cart.lines,
    placed,
    state,
    quoting,
    submitting,
    retryNotice,
    retry: () => {
      setState({ status: 'loading' });
      void requestQuote();
    },
    picking,
    openPicker: () => {
      if (quote) setPicking(true);
    },
    closePicker: () => setPicking(false),
    toggle: (option: CouponOption) => {
      if (!quote || quoting) return;
      const current = quote.applied.couponIds;
      const next = toggleCoupon(current, option, quote.options);
      // A greyed-out coupon changes nothing: no need to ask the API again.
      if (next.length === current.length && next.every((id, index) => id === current[index])) return;
      void requestQuote(next);
    },
    chooseNone: () => void requestQuote([]),
    chooseBest: () => void requestQuote(),
    submit: () => void submit(),
    /** Changes a line's quantity (zero removes it); the cart is priced again. */
    setQuantity: (sku: string, quantity: number) => {
      if (!inFlight.current) cart.setQuantity(sku, quantity);
    },
    goShop: () => Taro.redirectTo({ url: SHOP_PAGES.shop }),
  };
}
