/**
 * Lua for the throttle budget, kept in a .ts module so the build (plain tsc) ships it without an asset step.
 * Time comes from Redis (TIME), so every process shares one clock. Keys: 1 request log (sorted set, score =
 * admission ms), 2 write log, 3 throttled-until (ms).
 */

/**
 * ARGV: windowMs, maxRequests, maxWrites, requests wanted, writes wanted, unique member prefix.
 * Returns 0 when the slots were taken, else how many ms to wait before asking again.
 */
export const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local maxReq, maxWr = tonumber(ARGV[2]), tonumber(ARGV[3])
local nReq, nWr = tonumber(ARGV[4]), tonumber(ARGV[5])
local pausedUntil = tonumber(redis.call('GET', KEYS[3]) or '0')
if pausedUntil > now then return math.ceil(pausedUntil - now) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - windowMs)
local wait = 0
local function waitFor(key, limit, wanted)
  local count = redis.call('ZCARD', key)
  if count + wanted <= limit then return 0 end
  -- the slot we need frees when the (count + wanted - limit)-th oldest entry leaves the window
  local entry = redis.call('ZRANGE', key, count + wanted - limit - 1, count + wanted - limit - 1, 'WITHSCORES')
  return tonumber(entry[2]) + windowMs - now + 1
end
wait = math.max(wait, waitFor(KEYS[1], maxReq, nReq))
if nWr > 0 then wait = math.max(wait, waitFor(KEYS[2], maxWr, nWr)) end
if wait > 0 then return math.ceil(wait) end
for i = 1, nReq do redis.call('ZADD', KEYS[1], now, ARGV[6] .. ':' .. i) end
for i = 1, nWr do redis.call('ZADD', KEYS[2], now, ARGV[6] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], windowMs * 2)
if nWr > 0 then redis.call('PEXPIRE', KEYS[2], windowMs * 2) end
return 0
`;

/** ARGV: pause ms. Moves throttled-until forward (never back) to now + pause. */
export const PAUSE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local target = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if target > current then redis.call('SET', KEYS[1], target, 'PX', math.ceil(tonumber(ARGV[1])) + 1000) end
return math.max(target, current)
`;

/** ARGV: windowMs. Returns { requests in window, writes in window, throttled-until ms (0 if none), now ms }. */
export const STATE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local req = redis.call('ZCOUNT', KEYS[1], '(' .. (now - windowMs), '+inf')
local wr = redis.call('ZCOUNT', KEYS[2], '(' .. (now - windowMs), '+inf')
local pausedUntil = tonumber(redis.call('GET', KEYS[3]) or '0')
return { req, wr, pausedUntil, now }
`;
