import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckoutDto, type CheckoutResponse, ErrorCode, type OrderView, type Paged, RefundOrderDto, StaffOrderQuery, StorePurchaseDto } from '@glow/contracts';
import type { FastifyReply } from 'fastify';
import { ALL_STAFF, CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal, StaffPrincipal } from '../../platform/auth/principal';
import { OrderException } from './order.exception';
import { OrderService } from './order.service';
import { OnlineOrderService } from './online-order.service';

const orderId = new ParseUUIDPipe({ exceptionFactory: () => new OrderException(ErrorCode.OrderNotFound) });

@ApiTags('orders')
@ApiBearerAuth()
@Controller()
export class OrderController {
  constructor(
    private readonly orders: OrderService,
    private readonly online: OnlineOrderService,
  ) {}

  @Roles('member')
  @Get('orders/mine')
  @ApiOperation({ summary: 'My orders, online and in store, with the points each earned' })
  mine(@CurrentPrincipal() who: MemberPrincipal): Promise<OrderView[]> {
    return this.orders.mine(who.memberId);
  }

  @Roles('member')
  @Post('orders/checkout')
  @ApiOperation({
    summary: 'Create an online order for payment: the picked coupons are held until WeChat Pay confirms, released if unpaid in 15 minutes. Same key → same order (200)',
  })
  async checkout(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: CheckoutDto, @Res({ passthrough: true }) res: FastifyReply): Promise<CheckoutResponse> {
    const { response, created } = await this.online.checkout(who.memberId, who.openid, dto);
    res.status(created ? 201 : 200);
    return response;
  }

  @Roles('member')
  @Get('orders/mine/:id')
  @ApiOperation({ summary: 'One of my orders (poll it after paying: it turns paid when WeChat Pay notifies)' })
  mineOne(@CurrentPrincipal() who: MemberPrincipal, @Param('id', orderId) id: string): Promise<OrderView> {
    return this.online.mine(who.memberId, id);
  }

  @Roles('member')
  @Post('orders/mine/:id/payment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Payment parameters for wx.requestPayment for my unpaid online order (none once paid)' })
  payment(@CurrentPrincipal() who: MemberPrincipal, @Param('id', orderId) id: string): Promise<CheckoutResponse> {
    return this.online.payment(who.memberId, who.openid, id);
  }

  @Roles('member')
  @Post('orders/mine/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel my unpaid online order: closed at WeChat Pay, its coupons back in my wallet' })
  cancel(@CurrentPrincipal() who: MemberPrincipal, @Param('id', orderId) id: string): Promise<OrderView> {
    return this.online.cancelByMember(who.memberId, id);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('staff/orders/store-purchase')
  @ApiOperation({
    summary: 'Record a purchase at the till by the member code: items, or receipt number and total; earns points (pending for the return window). Same key → same order (200)',
  })
  async storePurchase(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: StorePurchaseDto, @Res({ passthrough: true }) res: FastifyReply): Promise<OrderView> {
    const { view, created } = await this.orders.storePurchase(who, dto);
    res.status(created ? 201 : 200);
    return view;
  }

  @Roles(...ALL_STAFF)
  @Get('staff/orders')
  @ApiOperation({ summary: 'Orders (store staff: their store), newest first; q matches an order, receipt or member number' })
  list(@CurrentPrincipal() who: StaffPrincipal, @Query() q: StaffOrderQuery): Promise<Paged<OrderView>> {
    return this.orders.list(who, q);
  }

  @Roles(...ALL_STAFF)
  @Get('staff/orders/:id')
  @ApiOperation({ summary: 'One order with items, refunds and points' })
  one(@CurrentPrincipal() who: StaffPrincipal, @Param('id', orderId) id: string): Promise<OrderView> {
    return this.orders.get(who, id);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('staff/orders/:id/refunds')
  @ApiOperation({ summary: 'Refund in full, by items or by amount; pending points are cancelled, active ones clawed back, the rest recorded as debt' })
  refund(@CurrentPrincipal() who: StaffPrincipal, @Param('id', orderId) id: string, @Body() dto: RefundOrderDto): Promise<OrderView> {
    return this.orders.refund(who, id, dto);
  }
}
