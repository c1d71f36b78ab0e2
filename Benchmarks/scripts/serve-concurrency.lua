-- wrk script for serve-concurrency.sh: POSTs a DataSourceRefreshFailed event with the home's intake token (TOKEN),
-- paced by DELAY_MS per connection (0: as fast as answers come), counting answers by status across threads.
local threads = {}
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   c202 = 0; c429 = 0; cother = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
   wrk.body = '{"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": "Webshop", "errorMessage": "row 7: bad date"}}'
end

function delay()
   return delay_ms
end

function response(status, headers, body)
   if status == 202 then c202 = c202 + 1
   elseif status == 429 then c429 = c429 + 1
   else cother = cother + 1 end
end

function done(summary, latency, requests)
   local a, b, o = 0, 0, 0
   for _, t in ipairs(threads) do
      a = a + t:get("c202"); b = b + t:get("c429"); o = o + t:get("cother")
   end
   io.write(string.format("answers: 202=%d 429=%d other=%d\n", a, b, o))
end
