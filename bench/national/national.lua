-- wrk script for scripts/bench-national.sh: one analysis report asked for
-- partnership after partnership, for the same period.
--   wrk ... -s national.lua URL -- PATH PERIOD_START PERIOD_END ID,ID,...
-- The token comes with wrk's -H. Each thread starts at a different place
-- in the rotation, so the threads do not ask for the same partnership at once.
local path, dates, ids
local at = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  path = args[1]
  dates = "&period_start=" .. args[2] .. "&period_end=" .. args[3]
  ids = {}
  for id in string.gmatch(args[4], "[^,]+") do
    ids[#ids + 1] = id
  end
  at = (offset or 0) * 7 % #ids
end

function request()
  at = at % #ids + 1
  return wrk.format("GET", path .. "?partnership=" .. ids[at] .. dates)
end
