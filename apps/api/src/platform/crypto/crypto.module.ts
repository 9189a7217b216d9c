import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { PhoneCipher } from './phone-cipher';

@Global()
@Module({
  providers: [{ provide: PhoneCipher, inject: [AppConfig], useFactory: (c: AppConfig) => new PhoneCipher(c.phoneEncryptionKey, c.phoneHmacKey) }],
  exports: [PhoneCipher],
})
export class CryptoModule {}
