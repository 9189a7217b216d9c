import type { ReactNode } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import type { BookableService, BookableStore } from '@glow/contracts';
import { AdvisorPicker } from '../../components/advisor-picker';
import { SlotPicker } from '../../components/slot-picker';
import { Button } from '../../components/ui';
import { formatServicePrice, isClass, SERVICE_KIND_LABELS } from '../../utils/booking';
import { formatDistance } from '../../utils/distance';
import { formatDateTime } from '../../utils/shanghai-time';
import { MAX_PRODUCTS, NOTE_MAX_LENGTH, useBooking } from './use-booking';
import styles from './index.module.scss';

export default function BookingPage() {
  const booking = useBooking();
  const { stores, store, services, service, picker } = booking;

  if (stores.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text className={styles.status}>加载中…</Text>
      </View>
    );
  }

  if (stores.status === 'error') {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='stores-error' className={styles.error}>
            {stores.message}
          </Text>
          {stores.notMember ? (
            <Button id='booking-join' type='primary' onClick={booking.goJoin}>
              去加入会员
            </Button>
          ) : (
            <Button id='stores-retry' type='primary' fill='outline' onClick={booking.retryStores}>
              重新加载
            </Button>
          )}
        </View>
      </View>
    );
  }

  const advisorName = picker.slot?.advisors.find((advisor) => advisor.id === picker.advisorId)?.name ?? '任意顾问';

  return (
    <View id='booking-page' className={styles.page}>
      <Step n={1} title='选择门店'>
        {store ? (
          <Chosen id='chosen-store' title={store.name} hint={store.address} changeId='change-store' onChange={booking.changeStore} />
        ) : stores.data.length === 0 ? (
          <Text id='stores-empty' className={styles.muted}>
            暂无可预约的门店
          </Text>
        ) : (
          <View id='store-list'>
            {stores.data.map((item) => (
              <StoreItem key={item.id} store={item} onTap={() => booking.chooseStore(item)} />
            ))}
          </View>
        )}
      </Step>

      {store ? (
        <Step n={2} title='选择项目'>
          {service ? (
            <Chosen id='chosen-service' title={service.name} hint={`${service.durationMin} 分钟 · ${formatServicePrice(service)}`} changeId='change-service' onChange={booking.changeService} />
          ) : services === null || services.status === 'loading' ? (
            <Text className={styles.muted}>加载中…</Text>
          ) : services.status === 'error' ? (
            <View>
              <Text id='services-error' className={styles.error}>
                {services.message}
              </Text>
              <Text id='services-retry' className={styles.link} onClick={booking.retryServices}>
                重新加载
              </Text>
            </View>
          ) : services.data.length === 0 ? (
            <Text id='services-empty' className={styles.muted}>
              该门店暂无可预约的项目
            </Text>
          ) : (
            <View id='service-list'>
              {services.data.map((item) => (
                <ServiceItem key={item.id} service={item} onTap={() => booking.chooseService(item)} />
              ))}
            </View>
          )}
        </Step>
      ) : null}

      {service ? (
        <Step n={3} title='选择时间'>
          <SlotPicker picker={picker} showSeats={isClass(service)} />
        </Step>
      ) : null}

      {picker.slot ? (
        <Step n={4} title='选择顾问'>
          <AdvisorPicker advisors={picker.slot.advisors} value={picker.advisorId} onChange={picker.chooseAdvisor} />
        </Step>
      ) : null}

      {picker.slot ? (
        <Step n={5} title='试用产品与备注（选填）'>
          {booking.recommendations.length > 0 ? (
            <View className={styles.products}>
              <Text className={styles.hint}>想在到店时试用哪些产品？最多选 {MAX_PRODUCTS} 件</Text>
              <View id='product-list' className={styles.chips}>
                {booking.recommendations.map(({ product }) => {
                  const selected = booking.productIds.includes(product.id);
                  return (
                    <Text
                      key={product.id}
                      className={`product-item ${selected ? 'is-selected' : ''} ${styles.chip} ${selected ? styles.chipSelected : ''}`}
                      data-product-id={product.id}
                      onClick={() => booking.toggleProduct(product.id)}
                    >
                      {product.name}
                    </Text>
                  );
                })}
              </View>
            </View>
          ) : null}
          <Textarea
            id='booking-note'
            className={styles.note}
            value={booking.note}
            placeholder='有什么想告诉顾问的？如肤质情况、想试的妆容'
            maxlength={NOTE_MAX_LENGTH}
            onInput={(event) => booking.setNote(event.detail.value)}
          />
        </Step>
      ) : null}

      {booking.ready && service && picker.slot ? (
        <View id='booking-summary' className={styles.summary}>
          <Text className={styles.summaryLine}>
            {service.name} · {formatDateTime(picker.slot.startsAt)}
          </Text>
          <Text className={styles.summaryHint}>
            {store?.name} · {advisorName} · {formatServicePrice(service)}
          </Text>
        </View>
      ) : null}

      {booking.error ? (
        <Text id='booking-error' className={styles.bookingError}>
          {booking.error}
        </Text>
      ) : null}

      <View className={styles.actions}>
        <Button id='booking-confirm' type='primary' size='large' block disabled={!booking.ready} loading={booking.submitting} onClick={() => void booking.confirm()}>
          确认预约
        </Button>
        <Text className={styles.reminderHint}>确认时可订阅到店提醒，我们会在预约前通知你</Text>
      </View>
    </View>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <View className={styles.section}>
      <View className={styles.stepTitle}>
        <Text className={styles.stepNo}>{n}</Text>
        <Text className={styles.stepName}>{title}</Text>
      </View>
      {children}
    </View>
  );
}

function Chosen({ id, title, hint, changeId, onChange }: { id: string; title: string; hint: string; changeId: string; onChange: () => void }) {
  return (
    <View id={id} className={styles.chosen}>
      <View className={styles.chosenText}>
        <Text className={styles.itemName}>{title}</Text>
        <Text className={styles.itemHint}>{hint}</Text>
      </View>
      <Text id={changeId} className={styles.link} onClick={onChange}>
        更换
      </Text>
    </View>
  );
}

function StoreItem({ store, onTap }: { store: BookableStore; onTap: () => void }) {
  const distance = formatDistance(store.distanceM);
  return (
    <View className={`store-item ${styles.item}`} data-store-id={store.id} onClick={onTap}>
      <View className={styles.itemHeader}>
        <Text className={styles.itemName}>{store.name}</Text>
        {distance ? <Text className={`store-distance ${styles.distance}`}>{distance}</Text> : null}
      </View>
      <Text className={styles.itemHint}>{store.address}</Text>
      <Text className={styles.itemHint}>{store.todayHours ? `今日营业 ${store.todayHours}` : '今日休息'}</Text>
    </View>
  );
}

function ServiceItem({ service, onTap }: { service: BookableService; onTap: () => void }) {
  return (
    <View className={`service-item ${styles.item}`} data-service-id={service.id} onClick={onTap}>
      <View className={styles.itemHeader}>
        <Text className={styles.itemName}>{service.name}</Text>
        <Text className={styles.kind}>{SERVICE_KIND_LABELS[service.kind]}</Text>
      </View>
      <Text className={styles.itemHint}>
        {service.durationMin} 分钟{isClass(service) ? ` · 每场 ${service.seats} 人` : ''}
      </Text>
      <Text className={`service-price ${styles.price}`}>{formatServicePrice(service)}</Text>
      {service.description ? <Text className={styles.description}>{service.description}</Text> : null}
    </View>
  );
}
