import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import multipart from '@fastify/multipart';
import { ChatSocketAdapter } from './platform/http/socket-adapter';
import fastifyStatic from '@fastify/static';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ERRORS, ErrorCode } from '@glow/contracts';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config/app-config';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter';
import { ValidationFailedException } from './platform/errors/validation-failed.exception';

const AVATAR_LIMIT_BYTES = 2 * 1024 * 1024;

/** Builds the API (not yet listening): the same wiring for `main`, the e2e tests and the benchmarks. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: 256 * 1024, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, { bufferLogs: true, rawBody: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: (errors) => new ValidationFailedException(errors),
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());

  app.useWebSocketAdapter(new ChatSocketAdapter(app, config.redisUrl));

  const fastify = app.getHttpAdapter().getInstance();
  // WeChat message push may come as XML: hand it to the controller as text.
  fastify.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
    if (!req.url.startsWith('/api/wechat/push')) return done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }));
    done(null, typeof body === 'string' ? body : body.toString('utf8'));
  });
  // Errors raised by fastify itself before a route runs (bad JSON, body too large, wrong content type).
  fastify.setErrorHandler((error: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const code = status === 413 ? ErrorCode.PayloadTooLarge : status === 415 ? ErrorCode.UnsupportedMediaType : status < 500 ? ErrorCode.BadRequest : ErrorCode.Internal;
    void reply.status(ERRORS[code].status).send({ code, message: ERRORS[code].message });
  });
  // PostgreSQL text cannot hold NUL, so a string carrying one would fail in the database as a 5xx: refuse it up front.
  fastify.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (hasNul(req.query) || hasNul(req.params) || hasNul(req.body)) {
      await reply.status(400).send({ code: ErrorCode.BadRequest, message: ERRORS.BAD_REQUEST.message });
    }
  });
  await app.register(multipart, { limits: { fileSize: AVATAR_LIMIT_BYTES, files: 1, fields: 5 } });
  await serveClients(app, config);
  setUpSwagger(app);
  return app;
}

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

function setUpSwagger(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Glow API')
      .setDescription('Members, loyalty and clienteling for a cosmetics brand. Errors are `{ code, message }` with a Chinese message; codes are listed in `@glow/contracts`.')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  // Request schemas come from the class-validator rules in @glow/contracts, so the docs show what is enforced.
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' }) as NonNullable<typeof document.components>['schemas'];
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  SwaggerModule.setup('docs', app, document);
}

/** The console and the H5 mini-program, served from the API's origin when built. */
async function serveClients(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const consoleDir = config.consoleDist ? resolve(config.consoleDist) : null;
  const h5Dir = config.h5Dist ? resolve(config.h5Dist) : null;
  if (consoleDir && existsSync(join(consoleDir, 'index.html'))) {
    const index = readFileSync(join(consoleDir, 'index.html'));
    await app.register(fastifyStatic, { root: consoleDir, prefix: '/console/', decorateReply: false, wildcard: false });
    // Client-side routes (/console/members/…) all load the same page.
    fastify.get('/console/*', (_req, reply) => reply.type('text/html').send(index));
    fastify.get('/console', (_req, reply) => reply.redirect('/console/'));
  }
  if (h5Dir && existsSync(join(h5Dir, 'index.html'))) {
    await app.register(fastifyStatic, { root: h5Dir, prefix: '/h5/', decorateReply: false });
    fastify.get('/h5', (_req, reply) => reply.redirect('/h5/'));
  }
  fastify.get('/', (_req, reply) => reply.redirect(consoleDir ? '/console/' : '/docs'));
}
