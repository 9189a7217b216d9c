/**
 * Keys of the emulated WeChat Pay merchant and platform, for the sandbox and development only. They were generated
 * once with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048` and are public in this repository, so
 * nothing signed with them proves anything outside a developer's machine; the API refuses them in production.
 *
 * The merchant half mirrors what WeChat Pay gives a merchant (apiclient_key.pem and the serial of its API
 * certificate); the platform half is a key pair in WeChat Pay public-key mode (the id `PUB_KEY_ID_…` names it in
 * `Wechatpay-Serial`). The sandbox holds the platform private key and the merchant public key; the API holds the
 * other two halves in its own copy (apps/api/src/platform/wechat/wechat-pay.dev-keys.ts).
 */

export const DEV_PAY_MCH_ID = '1900000109';

/** Serial number of the merchant's API certificate, 40 hex digits as WeChat Pay prints it. */
export const DEV_PAY_MERCHANT_SERIAL = '15947C1FB0EBEE36977BE726E7BE3DFF29F732DA';

/** APIv3 key: 32 ASCII characters, the AES-256-GCM key of notification resources. */
export const DEV_PAY_API_V3_KEY = 'BXwPjHFAGXQEv57LStHcowxcgMDaLKcA';

export const DEV_PAY_PLATFORM_PUBLIC_KEY_ID = 'PUB_KEY_ID_0119000001092026112300000000000001';

export const DEV_PAY_MERCHANT_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDB2MUNLByHfD/r
k88+CGXE98vAzAbEzBw+2oDya02JIQga9OdEMHjn0vlldnKI+QAD08y7hHXQQ71D
ZlStoNzWsgt92txyQV2W5Dcr/VzD6WBT1OAZhcyjZkiLncWfwOZaOWchWqtcmwOD
i2FdjUKwOmVJj5niWZYXcDD6rFRm+zGXWeBckHQukQYCi9wQ83az2GX87eE6T9qv
TgIdA6K5dbdLP/7ekmC6JRFMQ/xfZis2wf+IkyUzJXruNMReh47HAF11Hgyem9Wk
3KA6E5yH3IEyhjai292lxcRe7XRY62CWXKz9OzMjSd6cCRjtPFCle5/dzchoPGgR
EL39QCUNAgMBAAECggEAByChZv5Jhdr8ZLAruhQUxENfAzwQcaYwBOJqESYyrlYz
FjHadDtOCF2zz6NYmCjqDO0tBXLcFbTJhDo1s3ULOa+uB+O6U4JYxRmnqt8aTPyY
DwajcmMx84rpI8BA1twz/BRJP142MWXK7fuVfTTNw21ApSd52OtCjAkTG/YMwmtT
25wlHXjn/Ba9rG6AKjqiIsKWt7IodtfO48kXSXamMZNMs/SHZsQal5G4iltQoBHv
V+5e8qyBkNtcJAJ4h6oMPEPh8zTtkmkddjipcMTpyaskHc1o74mwyuT13gwpbnGC
0HC0CNQ7MFO1Hk2yqKyMoew7Ln9Ypjfrkz1M5Du2gQKBgQDfS99wgNGviPe+eWE/
h8+IsBJPt3PxW3o0cvO3MVMoPKVtI9VinyO+xNnS3rIBNmI8AXj296rPr8Zx5/bj
bb8hShaWV7HxWRZEfaCXWJg1frGlIdJpfh4WM45bn3K6LO9ADmKwNOa4XPBggUKb
+HdvPd2GbS4n9pDuIwQPQXr2wQKBgQDePLtzleGboRIAOLyn/tyw1VhxHdTGLBUn
jx/NI/sNDMbIol9CGGkfli2lJrb21oQF9QgM4pkpawIe0R8xcYYM+FEHODpxX280
/REAhEDLwuYlnowucPFKUkwQ1fTDpcrDWwlJzRfTqwEmxsAjnRG+Erzi7+oCVbYf
N9g1auQtTQKBgQCLyjADemHLBnAyakKbRyaBZ9jO1wZanu4OT7iLgvGQSwc1IC3C
I+Z40zuaa5f8clNlRXa5BauFgYE2ZgWFs3roGD2zuQrJEQCDuDIFDY2cT8henKHh
MPcc5wHEEjn8m4zcCSV3MmcOHADQKZvNkOsUVSKNuWQf2Jg6vOkZs+CLAQKBgQCQ
hLn5jkwqInJMRpkYPjpRnEtpM9b8EAqpsP8jLfTCJb7XFhAQMUObUNPaA/UTS6iL
Hy7fAjRLpNS6KY+5XXOo14oJwdzvgPoWYUM/LMHeP53edN4ADV470Iy6nggPeq8C
nx7JKWAHO7sB9llYT3oMOq8ufImWfxpx7qThB+PeOQKBgFznqI8n5k4wT0OBV+4Q
dOe1HN78MPDF/HYUVVxoRWJfx58WyQtefWL6UQ1q3BguG6Xu+1lRoMSdITiaT/Bw
vqUZ75hqtidFosyfHq2O76UOnMUnWT0Mja6cA6rP/PBueLwJvyGH/UKskBCzxTTT
JkHUpuhUar2FohUfb+Xurgu9
-----END PRIVATE KEY-----
`;

export const DEV_PAY_MERCHANT_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwdjFDSwch3w/65PPPghl
xPfLwMwGxMwcPtqA8mtNiSEIGvTnRDB459L5ZXZyiPkAA9PMu4R10EO9Q2ZUraDc
1rILfdrcckFdluQ3K/1cw+lgU9TgGYXMo2ZIi53Fn8DmWjlnIVqrXJsDg4thXY1C
sDplSY+Z4lmWF3Aw+qxUZvsxl1ngXJB0LpEGAovcEPN2s9hl/O3hOk/ar04CHQOi
uXW3Sz/+3pJguiURTEP8X2YrNsH/iJMlMyV67jTEXoeOxwBddR4MnpvVpNygOhOc
h9yBMoY2otvdpcXEXu10WOtgllys/TszI0nenAkY7TxQpXuf3c3IaDxoERC9/UAl
DQIDAQAB
-----END PUBLIC KEY-----
`;

export const DEV_PAY_PLATFORM_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCnHynaBSBAOMzn
opBRZislvTzsSMNlsXlgK0Suq5NILbwriMI35lYVx89UfCFJIUtm63SDFlXRz1AQ
iIozfAtCzyN9cac8XZ3WQ0MwV5dZ7Wjpn4un2ckSh/LaRY6nGZcMiaCOqDjYN9fz
X/zPxg7XrtPcstUEKVVJDxQnvBJhGw6hUfpMF8aS2Vcy24UaaAVxa5DE77nMoiDb
aMoGEhxfB7DPWyfl7yd5SSC7R3xmucBuH+7YF19xjXnLJ0it2NUicsu445XgdJlC
BUBS20IKwNrskzFYoukzQ/fV7YJ47nWsHvN8sa5cQXRUbeymzByHJj7se8zXJgOi
O7Z+dI/3AgMBAAECggEAG8ERU8D0grCMLaRx6uVt9qYEofRRkv1pfAmjgziWTJnf
0quzHtJ0wHLpoTe+KrrJ9BfX8SnlQGNOrM2S2gsDLxS0aacAJYZ3PyKg3BHn3ko5
rqF4RtIPJ7Hb0y5TCw2KaCLLvx/71MNYF0snx/ULTlFyo4fa2DE/FdODFDg9JdKx
1LHP2P2O1xbXip8WJ9w06M5VgHAf7fcEbz0K0AQCobGf38cRUDXxUsOFPQCGX203
tkLi5wipxBKTcmwCyU6rpbHS950HTBUjS088T6pd7NhQcyVGhbOHDwzblbwEO9Ls
QKAxJB4mSHsTz18kXg/nwUXALs/bSODBAw5OhwXHjQKBgQDout2w/4aL6TD9bfDr
ehblH2Kl5mFK3Z8dNCHxmipAlwbS9R0qiU5zHYOYbHfF07d2hpnhWtxZQF62NMeF
WnZNOALlPHSBEfCiy4Ke9Kc5WGrCxa8vFkILxBaxGYpaCsmUs5xFdlIfnVZJzc3h
sPdvBB6jDV0mCChKegNJGmS6/QKBgQC31PB9FuPw9bF2RxVN1KaVe5hIgiaSMpHS
O8MhO9Qp+PHfzJnsfZouN3FnugW2eTVDd8rFDMdIDLWEHZ4b0gUMGo7es7luAwoo
Vzj5mxtlur1OUm9KBNSMKb2UQ2VtsCMAzjF/iTPjmFzpTpJQB3gYWDKXQovoq4c2
9NvEjmuLAwKBgQDnFQyk/8Nnzr5vFSf/mDV9gYFg+vSl8pJX2/jMPWgwxATpmKpC
Hx3/HVIaGbF/g24KSTIn2iEqmcixIIzv81e96pytYy7HLboC2xGypXgZb5pqFQGS
PoaLykNBy/tc1pM7jG/hZM+8Rmx0Ud5Yd2/oEm4dNlrENZtT//ydLJDSPQKBgCjO
qCPcdPUEVUSAOwZv8hq0uPU/jvhdKWmVwpcaBNrcXDTl4jVRHGyt+gqgjKwY8+3q
JaTgVUx1JcYSHQrn8B7jtltRYhQ9sH+L/SXLfKV0cpl0SygPMm96xI6o91cGBn8j
RnGdL1uScu2Hd4s0XUBqM7DIIO6hRP66FB7pzo2pAoGBAK5WEDKr8HeU9MwkbofD
bLu1qji2SDdsbOc+qw8wL/JevO4gB/P+y5KPFQRDhWdTBFVGNhd7j18dwbZj+DhB
8TWWtoIQJeIG9GiLDLqhT7ZA0YtJZ8GP47304lh8RlEaRjxTiZ9NJF50Jw80Oxht
HW2VruJDSej4fK5kr/mUepv9
-----END PRIVATE KEY-----
`;

export const DEV_PAY_PLATFORM_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApx8p2gUgQDjM56KQUWYr
Jb087EjDZbF5YCtErquTSC28K4jCN+ZWFcfPVHwhSSFLZut0gxZV0c9QEIiKM3wL
Qs8jfXGnPF2d1kNDMFeXWe1o6Z+Lp9nJEofy2kWOpxmXDImgjqg42DfX81/8z8YO
167T3LLVBClVSQ8UJ7wSYRsOoVH6TBfGktlXMtuFGmgFcWuQxO+5zKIg22jKBhIc
Xwewz1sn5e8neUkgu0d8ZrnAbh/u2BdfcY15yydIrdjVInLLuOOV4HSZQgVAUttC
CsDa7JMxWKLpM0P31e2CeO51rB7zfLGuXEF0VG3spswchyY+7HvM1yYDoju2fnSP
9wIDAQAB
-----END PUBLIC KEY-----
`;
