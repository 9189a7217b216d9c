/// <reference types="@tarojs/taro" />

declare module '*.module.scss' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
declare module '*.scss';
declare module '*.css';

/** API origin, fixed at build time from the GLOW_API_BASE environment variable (see config/index.ts). */
declare const GLOW_API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro builds for; replaced at build time, so untaken branches are dropped. */
    TARO_ENV: 'weapp' | 'h5';
  }
}
