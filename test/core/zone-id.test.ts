import { checkZoneId, zoneIdOf } from '../../src/core/cidr';

describe('checkZoneId: a zone ID has the form of its region', () => {
  test.each([
    ['cn-hangzhou-b', 'cn-hangzhou'],
    ['cn-huhehaote-a', 'cn-huhehaote'],
    ['ap-northeast-1a', 'ap-northeast-1'],
    ['us-east-1a', 'us-east-1'],
    ['cn-shanghai-finance-1z', 'cn-shanghai-finance-1'],
  ])('%s is a zone of %s', (zone, region) => {
    expect(checkZoneId(zone, `'${zone}'`)).toEqual({ region });
  });

  test('a region ending in a digit takes the letter without a hyphen', () => {
    expect(checkZoneId('ap-northeast-1-a', "'ap-northeast-1-a'")).toEqual({
      problem: "'ap-northeast-1-a' is not in the form of region ap-northeast-1: its zone IDs are the region and the zone letter with no hyphen, like 'ap-northeast-1a'",
      fix: "write 'ap-northeast-1a'",
    });
    expect(checkZoneId('cn-shanghai-finance-1-z', 'z')).toMatchObject({ fix: "write 'cn-shanghai-finance-1z'" });
  });

  test('a region ending in a letter takes a hyphen before the letter: without it the text is no zone ID', () => {
    expect(checkZoneId('cn-hangzhoub', "'cn-hangzhoub'")).toMatchObject({ problem: "'cn-hangzhoub' is not an Alibaba Cloud zone ID" });
  });

  test('agrees with zoneIdOf for every letter of both region forms', () => {
    for (const region of ['cn-hangzhou', 'ap-southeast-1', 'eu-central-1', 'cn-hongkong']) {
      for (const letter of 'abcz') expect(checkZoneId(zoneIdOf(region, letter), '')).toEqual({ region });
    }
  });
});
