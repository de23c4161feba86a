#!/bin/sh
# The DEGRADE_AFTER build's server: one HTTP request per connection (busybox nc -ll -e runs this per connection).
# It passes its probes (/health, /ready) and the smoke test, then, once it has served DEGRADE_AFTER real requests
# (/version and /), answers DEGRADE_SHARE percent of the real requests with 500: a release that goes bad under
# traffic. The count lives in /tmp/served (one line per real request; appends of one line are atomic).
www=/www
# No subshell per header line: forks are this server's cost, and it serves one connection at a time.
cr=$(printf '\r')
read -r method path proto || exit 0
while read -r line; do
  [ -z "$line" ] || [ "$line" = "$cr" ] && break
done
path=${path%"$cr"}
path=${path%%\?*}

reply() { # status, content type, file
  size=$(wc -c <"$3")
  printf 'HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %s\r\nConnection: close\r\n\r\n' "$1" "$2" "$size"
  [ "$method" = HEAD ] || cat "$3"
}

case "$path" in
  /health | /ready) reply '200 OK' 'text/plain' "$www$path" ;;
  /version | / | /index.html)
    echo >>/tmp/served
    n=$(wc -l </tmp/served)
    share=${DEGRADE_SHARE:-50}
    # Spread the failures evenly: request n fails when floor(n*share/100) steps up.
    if [ "$n" -gt "$DEGRADE_AFTER" ] && [ $((n * share / 100)) -ne $(((n - 1) * share / 100)) ]; then
      printf 'request %s failed: the order book is out of sync\n' "$n" >/tmp/failed.txt
      reply '500 Internal Server Error' 'text/plain' /tmp/failed.txt
    elif [ "$path" = /version ]; then
      reply '200 OK' 'application/json' "$www/version"
    else
      reply '200 OK' 'text/html; charset=utf-8' "$www/index.html"
    fi
    ;;
  *)
    echo 'not found' >/tmp/notfound.txt
    reply '404 Not Found' 'text/plain' /tmp/notfound.txt
    ;;
esac
