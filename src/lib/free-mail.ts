/** Public free-mail providers: such a domain never identifies a company. */
const FREE_MAIL = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.co.jp",
  "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de",
  "mail.com", "zoho.com", "yandex.com", "yandex.ru", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net",
  "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn", "tom.com", "naver.com", "daum.net",
  "web.de", "t-online.de", "orange.fr", "free.fr", "libero.it", "rediffmail.com",
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL.has(domain.toLowerCase());
}
