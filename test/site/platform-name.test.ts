// A competitor's channels are free text in strategy.yaml; a platform among them reads in the page's language
// (issue #13 §3: the English competitor table showed 天猫, 京东 …), other text as written.
import { describe, expect, it } from 'vitest';
import { platformName } from '../../src/site/platform-name.ts';

describe('platformName', () => {
  it.each([
    // [as written in the plan, zh-CN page, English page]
    ['tmall', '天猫', 'Tmall'],
    ['天猫', '天猫', 'Tmall'],
    ['Tmall', '天猫', 'Tmall'],
    [' 京东 ', '京东', 'JD'],
    ['ＪＤ', '京东', 'JD'], // full-width letters from a Chinese input method
    ['微信小程序', '微信小程序', 'WeChat mini-program'],
    ['mini-program', '微信小程序', 'WeChat mini-program'],
    ['线下门店', '线下门店', '线下门店'], // no platform: as written
    ['tmall-flagship', 'tmall-flagship', 'tmall-flagship'],
  ])('%j reads %j in Chinese and %j in English', (text, zh, en) => {
    expect(platformName(text, 'zh-CN')).toBe(zh);
    expect(platformName(text, 'en')).toBe(en);
  });

  it('gives text with translations in the page language, even when one of them names a platform', () => {
    const text = { 'zh-CN': '线下门店', en: 'Own stores' };
    expect(platformName(text, 'zh-CN')).toBe('线下门店');
    expect(platformName(text, 'en')).toBe('Own stores');
  });
});
