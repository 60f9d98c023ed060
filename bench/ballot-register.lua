-- A unique name per request: each one a majority-committed durable write.
local counter = 0
local thread_id = 0
setup = function(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
init = function(args) math.randomseed(os.time() + tid * 1000); run = math.random(1, 1e9) end
request = function()
  counter = counter + 1
  return wrk.format("POST", "/api/register", {["Content-Type"]="application/json"},
    string.format('{"name":"w%d-%d-%d"}', run, tid, counter))
end
