import { service } from './appointment.fixtures';
import { hoursToMinutes, serviceFormFieldOf, toSaveServiceBody, toServiceFormValues } from './service-form';

describe(toServiceFormValues.name, () => {
  it('shows money in 元 and notice periods in hours, and round-trips to the same body', () => {
    const saved = service({ priceFen: 39990, depositFen: 5000, minNoticeMin: 90, cancelCutoffMin: 1440 });
    const values = toServiceFormValues(saved, null);
    expect(values).toMatchObject({ priceYuan: 399.9, depositYuan: 50, minNoticeHours: 1.5, cancelCutoffHours: 24, storeIds: ['store-1', 'store-2'] });
    expect(toSaveServiceBody(values)).toMatchObject({ priceFen: 39990, depositFen: 5000, minNoticeMin: 90, cancelCutoffMin: 1440 });
  });

  it('gives a store manager only their own store to switch', () => {
    expect(toServiceFormValues(service(), 'store-2').storeIds).toEqual(['store-2']);
    expect(toServiceFormValues(service({ storeIds: ['store-1'] }), 'store-2').storeIds).toEqual([]);
    expect(toServiceFormValues(null, 'store-2').storeIds).toEqual(['store-2']);
  });
});

describe(hoursToMinutes.name, () => {
  it('rounds to whole minutes', () => {
    expect(hoursToMinutes(0.1 + 0.2)).toBe(18);
    expect(hoursToMinutes(168)).toBe(10_080);
  });
});

describe(serviceFormFieldOf.name, () => {
  it.each([
    ['priceFen', ['priceYuan']],
    ['minNoticeMin', ['minNoticeHours']],
    ['cancelCutoffMin', ['cancelCutoffHours']],
    ['storeIds.1', ['storeIds', 1]],
    ['code', ['code']],
  ])('%s → %j', (field, path) => {
    expect(serviceFormFieldOf(field)).toEqual(path);
  });
});
