/**
 * Lua for RedisCreditHolds. All keys of one org share the hash tag `{orgId}`.
 *   o  hash  bal, held, snap (the Postgres snapshot `xmin:xmax:xip,…` the balance was read at)
 *   ku hash  keyId -> usage nanos (same snapshot)      kh hash keyId -> held nanos
 *   hz zset  generationId -> expiry (ms)               ha hash generationId -> "amount|keyId"
 *   rc hash  generationId -> "xid|cost|keyId": settlements not yet contained in the snapshot
 * Counters change only through HINCRBY on decimal strings (exact int64). Lua numbers are doubles,
 * so money is never converted to a number here: the reserve check adds and compares the decimal
 * strings digit by digit (`dec_add`, `dec_le`), exact for any int64 amount.
 */

const helpers = `
local function snap_parts(snap)
  local c1 = string.find(snap, ':', 1, true)
  local c2 = string.find(snap, ':', c1 + 1, true)
  return tonumber(string.sub(snap, 1, c1 - 1)), tonumber(string.sub(snap, c1 + 1, c2 - 1)), string.sub(snap, c2 + 1)
end
-- Parses a snapshot once (a script may ask about hundreds of settlements): a function telling
-- whether a transaction's effects are visible in it.
local function snapshot_contains(snap)
  local xmin, xmax, xip = snap_parts(snap)
  local running = {}
  for x in string.gmatch(xip, '%d+') do running[tonumber(x)] = true end
  return function(xid)
    if xid < xmin then return true end
    if xid >= xmax then return false end
    return not running[xid]
  end
end
local function split3(v)
  local a = string.find(v, '|', 1, true)
  local b = string.find(v, '|', a + 1, true)
  if not b then return string.sub(v, 1, a - 1), string.sub(v, a + 1), nil end
  return string.sub(v, 1, a - 1), string.sub(v, a + 1, b - 1), string.sub(v, b + 1)
end
-- Exact money arithmetic on decimal strings (Lua numbers are doubles and lose nanos past 2^53).
local function dec_trim(a)
  local t = string.gsub(a, '^0+', '')
  if t == '' then return '0' end
  return t
end
-- Sum of two non-negative decimal strings.
local function dec_add(a, b)
  local digits, carry, i, j = {}, 0, #a, #b
  while i > 0 or j > 0 or carry > 0 do
    local d = carry
    if i > 0 then d = d + string.byte(a, i) - 48 end
    if j > 0 then d = d + string.byte(b, j) - 48 end
    table.insert(digits, 1, d % 10)
    carry = math.floor(d / 10)
    i = i - 1
    j = j - 1
  end
  return dec_trim(table.concat(digits))
end
-- a - b for decimal strings with a >= b >= 0.
local function dec_sub(a, b)
  local digits, borrow, i, j = {}, 0, #a, #b
  while i > 0 do
    local d = string.byte(a, i) - 48 - borrow
    if j > 0 then d = d - (string.byte(b, j) - 48) end
    if d < 0 then
      d = d + 10
      borrow = 1
    else
      borrow = 0
    end
    table.insert(digits, 1, d)
    i = i - 1
    j = j - 1
  end
  return dec_trim(table.concat(digits))
end
-- Counters are never negative in a consistent state; if one is, read it as 0 (the safe side).
local function dec_nonneg(a)
  if string.sub(a, 1, 1) == '-' then return '0' end
  return a
end
-- a <= b for a non-negative decimal string a and a signed decimal string b.
local function dec_le(a, b)
  if string.sub(b, 1, 1) == '-' then return false end
  a = dec_trim(a)
  b = dec_trim(b)
  if #a ~= #b then return #a < #b end
  return a <= b
end
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function drop_hold(o, kh, hz, ha, gen)
  local v = redis.call('HGET', ha, gen)
  if v then
    local amt, key = split3(v)
    if amt ~= '0' then
      redis.call('HINCRBY', o, 'held', '-' .. amt)
      if key ~= '' then redis.call('HINCRBY', kh, key, '-' .. amt) end
    end
    redis.call('HDEL', ha, gen)
  end
  redis.call('ZREM', hz, gen)
end
-- Takes up to amount (a decimal string) off a lease and its org and key counters; false if the
-- lease is gone (expired, or forgotten by a flush).
local function lease_shrink(o, kh, ha, lease, amount)
  local v = redis.call('HGET', ha, lease)
  if not v then return false end
  local amt, key = split3(v)
  if not dec_le(amount, amt) then amount = amt end
  if amount ~= '0' then
    redis.call('HSET', ha, lease, dec_sub(amt, amount) .. '|' .. key)
    redis.call('HINCRBY', o, 'held', '-' .. amount)
    if key ~= '' then redis.call('HINCRBY', kh, key, '-' .. amount) end
  end
  return true
end
local function purge(o, kh, hz, ha, now)
  local expired = redis.call('ZRANGEBYSCORE', hz, '-inf', now, 'LIMIT', 0, 200)
  for _, gen in ipairs(expired) do drop_hold(o, kh, hz, ha, gen) end
end
`;

/**
 * Shared by reserve and lease: {'miss'} when the org (or a limited key) is not loaded, {'no', bal,
 * held, usage, kheld} when amount does not fit, nil when it fits.
 */
const reserveHelpers = `${helpers}
local function not_loaded(o, ku, key, limit, allow_missing_key)
  if redis.call('EXISTS', o) == 0 then return {'miss'} end
  if limit ~= '' and redis.call('HEXISTS', ku, key) == 0 and allow_missing_key ~= '1' then return {'miss'} end
  return nil
end
local function refusal(o, ku, kh, key, limit, amount)
  local bal = redis.call('HGET', o, 'bal')
  local held = redis.call('HGET', o, 'held') or '0'
  local usage = redis.call('HGET', ku, key) or '0'
  local kheld = redis.call('HGET', kh, key) or '0'
  -- amount <= bal - held  <=>  held + amount <= bal (and the same against the key's own limit).
  local fits = dec_le(dec_add(dec_nonneg(held), amount), bal)
  if fits and limit ~= '' then
    fits = dec_le(dec_add(dec_add(dec_nonneg(usage), dec_nonneg(kheld)), amount), limit)
  end
  if not fits then return {'no', bal, held, usage, kheld} end
  return nil
end
local function add_held(o, kh, key, amount)
  if amount ~= '0' then
    redis.call('HINCRBY', o, 'held', amount)
    if key ~= '' then redis.call('HINCRBY', kh, key, amount) end
  end
end
`;

/** KEYS o ku kh hz ha idx; ARGV gen amount keyId keyLimit('' = none) ttlMs orgId allowMissingKey */
export const RESERVE_LUA = `${reserveHelpers}
local miss = not_loaded(KEYS[1], KEYS[2], ARGV[3], ARGV[4], ARGV[7])
if miss then return miss end
local now = now_ms()
purge(KEYS[1], KEYS[3], KEYS[4], KEYS[5], now)
if redis.call('HEXISTS', KEYS[5], ARGV[1]) == 1 then return {'ok'} end
local no = refusal(KEYS[1], KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[2])
if no then return no end
redis.call('HSET', KEYS[5], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[5]), ARGV[1])
add_held(KEYS[1], KEYS[3], ARGV[3], ARGV[2])
redis.call('SET', KEYS[6], ARGV[6], 'PX', tonumber(ARGV[5]) + 60000)
return {'ok'}
`;

/**
 * KEYS o ku kh hz ha; ARGV lease amount keyId keyLimit ttlMs allowMissingKey existing('1'/'0').
 * Grows a gateway's lease (a hold it spends from locally) by amount, under the same rule as a
 * reserve, and pushes its expiry out. {'gone'} when an existing lease is no longer there.
 */
export const LEASE_LUA = `${reserveHelpers}
local miss = not_loaded(KEYS[1], KEYS[2], ARGV[3], ARGV[4], ARGV[6])
if miss then return miss end
local now = now_ms()
purge(KEYS[1], KEYS[3], KEYS[4], KEYS[5], now)
local current = redis.call('HGET', KEYS[5], ARGV[1])
if ARGV[7] == '1' and not current then return {'gone'} end
local no = refusal(KEYS[1], KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[2])
if no then return no end
local amt = '0'
if current then amt = split3(current) end
redis.call('HSET', KEYS[5], ARGV[1], dec_add(amt, ARGV[2]) .. '|' .. ARGV[3])
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[5]), ARGV[1])
add_held(KEYS[1], KEYS[3], ARGV[3], ARGV[2])
return {'ok'}
`;

/**
 * KEYS o kh hz ha; ARGV lease amount ttlMs('' = keep). Gives amount of a lease back and, with a
 * ttl, pushes its expiry out. Returns {'ok', bal, held} or {'gone'}.
 */
export const LEASE_SHRINK_LUA = `${helpers}
if not lease_shrink(KEYS[1], KEYS[2], KEYS[4], ARGV[1], ARGV[2]) then return {'gone'} end
if ARGV[3] ~= '' then redis.call('ZADD', KEYS[3], now_ms() + tonumber(ARGV[3]), ARGV[1]) end
return {'ok', redis.call('HGET', KEYS[1], 'bal') or '0', redis.call('HGET', KEYS[1], 'held') or '0'}
`;

/** KEYS o ku kh hz ha; ARGV keyId. Returns counters after purging expired holds, or {'miss'}. */
export const PEEK_LUA = `${helpers}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'miss'} end
local usage = redis.call('HGET', KEYS[2], ARGV[1])
if not usage then return {'miss'} end
purge(KEYS[1], KEYS[3], KEYS[4], KEYS[5], now_ms())
return {'ok', redis.call('HGET', KEYS[1], 'bal'), redis.call('HGET', KEYS[1], 'held') or '0', usage, redis.call('HGET', KEYS[3], ARGV[1]) or '0'}
`;

/**
 * KEYS o ku kh hz ha rc idx1…idxN; ARGV N, then gen cost keyId xid('' = unknown) lease('' = own
 * hold), five per generation, then lease total, two per lease. Settles N generations of one org in
 * one call: removes each generation's own hold, takes each lease's total (its generations' costs)
 * off it once, and applies each debit unless the cached snapshot already contains it. Returns the
 * number of settlements waiting for a newer snapshot.
 */
export const SETTLE_LUA = `${helpers}
local n = tonumber(ARGV[1])
local snap = redis.call('HGET', KEYS[1], 'snap')
local contains = snap and snapshot_contains(snap)
local tracked = {}
for i = 0, n - 1 do
  local b = 1 + i * 5
  local gen, cost, keyId, txid, lease = ARGV[b + 1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4], ARGV[b + 5]
  -- A generation spent from a lease has no hold of its own: its lease shrinks below, once.
  if lease == '' then
    drop_hold(KEYS[1], KEYS[3], KEYS[4], KEYS[5], gen)
    redis.call('DEL', KEYS[7 + i])
  end
  -- Skip what the cached snapshot already contains, and what is already recorded: HSETNX records
  -- a settlement only if it is new, in the same call that asks.
  if not (contains and txid ~= '' and contains(tonumber(txid)))
    and redis.call('HSETNX', KEYS[6], gen, txid .. '|' .. cost .. '|' .. keyId) == 1 then
    if snap and cost ~= '0' then
      redis.call('HINCRBY', KEYS[1], 'bal', '-' .. cost)
      if keyId ~= '' then
        if tracked[keyId] == nil then tracked[keyId] = redis.call('HEXISTS', KEYS[2], keyId) == 1 end
        if tracked[keyId] then redis.call('HINCRBY', KEYS[2], keyId, cost) end
      end
    end
  end
end
for j = 2 + n * 5, #ARGV, 2 do lease_shrink(KEYS[1], KEYS[3], KEYS[5], ARGV[j], ARGV[j + 1]) end
return redis.call('HLEN', KEYS[6])
`;

/** KEYS o kh hz ha idx; ARGV gen. */
export const RELEASE_LUA = `${helpers}
drop_hold(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1])
redis.call('DEL', KEYS[5])
return 1
`;

/**
 * KEYS o ku kh hz ha rc; ARGV snap balance keyId1 usage1 keyId2 usage2 …
 * Installs a snapshot unless a newer one is already cached, re-applies the settlements the snapshot
 * does not contain yet, drops the ones it does, and recomputes held from the live holds.
 */
export const LOAD_LUA = `${helpers}
local snap = ARGV[1]
local cur = redis.call('HGET', KEYS[1], 'snap')
if cur then
  local _, cmax, cxip = snap_parts(cur)
  local _, nmax, nxip = snap_parts(snap)
  local _, ccount = string.gsub(cxip, '%d+', '')
  local _, ncount = string.gsub(nxip, '%d+', '')
  if nmax < cmax or (nmax == cmax and ncount > ccount) then return 0 end
end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('HSET', KEYS[1], 'bal', ARGV[2], 'held', '0', 'snap', snap)
for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
local rc = redis.call('HGETALL', KEYS[6])
local contains = snapshot_contains(snap)
local owned = {}
for i = 1, #rc, 2 do
  local xid, cost, key = split3(rc[i + 1])
  if xid ~= '' and contains(tonumber(xid)) then
    owned[#owned + 1] = rc[i]
  else
    if cost ~= '0' then
      redis.call('HINCRBY', KEYS[1], 'bal', '-' .. cost)
      if key ~= '' and redis.call('HEXISTS', KEYS[2], key) == 1 then redis.call('HINCRBY', KEYS[2], key, cost) end
    end
    -- Without a txid we cannot tell; count it once (conservatively) and let later snapshots own it.
    if xid == '' then owned[#owned + 1] = rc[i] end
  end
end
-- Settlements the snapshot now owns leave rc, a thousand fields per call.
for i = 1, #owned, 1000 do redis.call('HDEL', KEYS[6], unpack(owned, i, math.min(i + 999, #owned))) end
local now = now_ms()
local expired = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now)
for _, gen in ipairs(expired) do
  redis.call('HDEL', KEYS[5], gen)
  redis.call('ZREM', KEYS[4], gen)
end
local ha = redis.call('HGETALL', KEYS[5])
for i = 1, #ha, 2 do
  local amt, key = split3(ha[i + 1])
  if amt ~= '0' then
    redis.call('HINCRBY', KEYS[1], 'held', amt)
    if key ~= '' then redis.call('HINCRBY', KEYS[3], key, amt) end
  end
end
return 1
`;
