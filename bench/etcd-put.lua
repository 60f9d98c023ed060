-- A unique key and a 200-byte value per request, base64 as etcd's gateway wants.
local counter = 0
local thread_id = 0
local b64 = function(data)
  local b='ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  return ((data:gsub('.', function(x)
    local r,bits='',x:byte()
    for i=8,1,-1 do r=r..(bits%2^i-bits%2^(i-1)>0 and '1' or '0') end
    return r;
  end)..'0000'):gsub('%d%d%d?%d?%d?%d?', function(x)
    if (#x < 6) then return '' end
    local c=0
    for i=1,6 do c=c+(x:sub(i,i)=='1' and 2^(6-i) or 0) end
    return b:sub(c+1,c+1)
  end)..({ '', '==', '=' })[#data%3+1])
end
local value = b64(string.rep("v", 200))
setup = function(thread) thread:set("tid", thread_id); thread_id = thread_id + 1 end
init = function(args) math.randomseed(os.time() + tid * 1000) end
request = function()
  counter = counter + 1
  local key = b64(string.format("k-%d-%d-%d", tid, counter, math.random(1, 1e9)))
  return wrk.format("POST", "/v3/kv/put", {["Content-Type"]="application/json"},
    '{"key":"' .. key .. '","value":"' .. value .. '"}')
end
