import { portalKeyProfile } from './portal-fields.js';

export type ChromeKind =
  | 'portal_meta'
  | 'navigation'
  | 'footer'
  | 'share'
  | 'download'
  | 'banner'
  | 'promo'
  | 'editor'
  | 'colophon'
  | 'page_number'
  | 'running_header';

const NAVIGATION =
  /^(返回|首页|当前位置|您现在的位置|您的位置|所在位置|位置[:：])|【\s*字[体号]|字[体号][:：]\s*[大中小]|打印本页|关闭窗口|【打印】|【关闭】|加入收藏|设为首页|(阅读|浏览|访问)(次数|量)[:：]|>>|»|首页\s*[>›]/;
// A breadcrumb: 某某市人民政府 > 信息公开 > 通知公告 (two or more separators).
const BREADCRUMB = /^[^。；>›»]{1,30}\s*[>›»]\s*[^。；>›»]{1,30}\s*[>›»]\s*[^。；]{1,60}$/;
// A journal's page head or foot: an issue number (第2期) with a page number (· 24 ·, — 8 —) beside it.
const JOURNAL_PAGE =
  /^[·•\-—–\s]*\d{1,3}[·•\-—–\s]+\S.{0,40}第\s*\d{1,3}\s*期\s*$|第\s*\d{1,3}\s*期.{0,40}[·•\-—–]\s*\d{1,3}\s*[·•\-—–]\s*$/;
// Document-sharing and template sites: page counts, word counts, uploader, related documents, paywall.
const DOC_SHARE =
  /(?:本文|全文|本篇)[^。]{0,6}共\s*\d+\s*[页字]|约\s*\d+(?:\.\d+)?\s*千字|上传者\s*[:：]|上传时间\s*[:：]|下载券|下载积分|会员专享|VIP|相关(?:推荐|文档|范文|阅读)\s*[:：]|上一篇\s*[:：]|下一篇\s*[:：]|温馨提示\s*[:：]|无障碍|长者模式|关怀版|^繁体\s*[|｜]/;
const FOOTER =
  /主办单位|承办单位|运行维护|运维单位|技术支持|网站标识码|ICP[备证]|公网安备|版权所有|copyright|©|网站地图|联系我们|建议使用.{0,20}浏览器|分辨率/i;
const SHARE = /扫一扫|二维码|微信扫|手机扫描|分享到/;
const DOWNLOAD = /\.(docx?|pdf|xlsx?|wps|zip|rar|ofd)\b[^。]{0,20}$|(^|\s)下载\s*$/i;
const URL = /(https?:\/\/|www\.)[a-z0-9.-]+|[a-z0-9-]+\.(com|cn|net|org)(?![a-z])/i;
const PROMO = /范文|小编|本站|资料文库|文库|欢迎(深入)?阅读|收藏本|免费下载|下载全文|写作灵感/;
const EDITOR = /^(责任编辑|编辑|校对|审核|审校|来源)\s*[:：]/;
// 版记: the official document's closing block (抄送 list, 印发 line).
const COLOPHON =
  /^(抄\s*送|抄\s*报|主\s*题\s*词)\s*[:：]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$/;
const PAGE_NUMBER =
  /^[-—–－―_\s]*(\d{1,3}|第\s*\d{1,3}\s*页([,，\s]*共\s*\d{1,3}\s*页)?)[-—–－―_\s]*$|^\d{1,3}\s*\/\s*\d{1,3}$/;

export interface ChromeContext {
  /** Position among the non-empty paragraphs, from the start and from the end. */
  fromStart: number;
  fromEnd: number;
}

/** Says whether a paragraph is page furniture rather than plan text, and which kind. */
export function classifyChrome(line: string, ctx: ChromeContext): ChromeKind | null {
  const text = line.trim();
  if (text.length === 0) return null;
  const short = text.length <= 150;
  // Plan paragraphs are long; chrome is short. Only short lines are worth the key scan.
  const profile = text.length <= 200 ? portalKeyProfile(text) : { keys: 0, startsWithKey: false };
  if (profile.keys >= 2 && text.length <= 200) return 'portal_meta';
  if (profile.keys === 1 && profile.startsWithKey && text.length <= 120 && ctx.fromStart < 40)
    return 'portal_meta';
  if (short && (NAVIGATION.test(text) || BREADCRUMB.test(text))) return 'navigation';
  if (short && DOC_SHARE.test(text)) return 'promo';
  if (short && FOOTER.test(text)) return 'footer';
  if (text.length <= 40 && SHARE.test(text)) return 'share';
  if (short && DOWNLOAD.test(text)) return 'download';
  if (text.length <= 40 && EDITOR.test(text)) return 'editor';
  if (text.length <= 120 && COLOPHON.test(text)) return 'colophon';
  if (text.length <= 20 && PAGE_NUMBER.test(text)) return 'page_number';
  if (text.length <= 80 && JOURNAL_PAGE.test(text)) return 'running_header';
  // A journal's masthead over the first page: 某某通讯 2026年第2期, set apart by a wide gap.
  if (ctx.fromStart < 3 && text.length <= 80 && /第\s*\d{1,3}\s*期/.test(text) && /[\u3000 ]{3,}/.test(text))
    return 'running_header';
  const edge = ctx.fromStart < 6 || ctx.fromEnd < 6;
  const url = URL.exec(text);
  if (url && edge && url.index < 30) return 'banner';
  if (edge && short && PROMO.test(text)) return 'promo';
  return null;
}
