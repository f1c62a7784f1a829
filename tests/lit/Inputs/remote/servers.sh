# Sourced by the remote storage's lit tests: starts servers on 127.0.0.1, on free ports
# in 20000-60000, as children of the test's shell; all stopped when it exits, also on
# failure. Each function sets a variable to the server's URL.
servers_dir=$(mktemp -d)
server_pids=()
stop_servers() {
  for pid in "${server_pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${server_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$servers_dir"
}
trap stop_servers EXIT

free_port() {
  python3 -c '
import random, socket
while True:
    port = random.randint(20000, 60000)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port)); print(port); break
    except OSError:
        pass
    finally:
        s.close()'
}

wait_for_port() {
  for _ in $(seq 500); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.02
  done
  echo "server on port $1 did not start" >&2
  return 1
}

# start_redis [password]: sets redis_url and redis_port.
start_redis() {
  redis_port=$(free_port)
  local args=(--port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no)
  [ -n "${1:-}" ] && args+=(--requirepass "$1")
  redis-server "${args[@]}" > "$servers_dir/redis-$redis_port.log" &
  server_pids+=($!)
  redis_pid=$!
  wait_for_port "$redis_port"
  redis_url="redis://127.0.0.1:$redis_port"
}

# start_nginx [CERT KEY]: WebDAV PUT under /; sets http_url (path /cache) and http_root.
# With a certificate and its key, it serves https.
start_nginx() {
  local port dir="$servers_dir/nginx" listen scheme=http
  port=$(free_port)
  listen="127.0.0.1:$port"
  if [ -n "${1:-}" ]; then
    listen="$listen ssl; ssl_certificate $1; ssl_certificate_key $2"
    scheme=https
  fi
  http_root="$dir/root"
  mkdir -p "$http_root"
  cat > "$dir/nginx.conf" <<CONF
daemon off; master_process off; pid $dir/nginx.pid; error_log $dir/error.log;
events {}
http {
  access_log off; client_max_body_size 0;
  client_body_temp_path $dir/body; proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi; uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;
  server {
    listen $listen; root $http_root;
    location / { dav_methods PUT; create_full_put_path on; }
  }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
  server_pids+=($!)
  wait_for_port "$port"
  http_url="$scheme://127.0.0.1:$port/cache"
}

# start_silent: a listener that accepts and never answers; sets silent_port.
start_silent() {
  silent_port=$(free_port)
  python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
time.sleep(3600)' "$silent_port" &
  server_pids+=($!)
  wait_for_port "$silent_port"
}
