# Ctrl-C ends a blocking accept(), recv() or connect wait with
# KeyboardInterrupt at once; the sockets stay usable.
import socket

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
print("ready", flush=True)
try:
    srv.accept()
except KeyboardInterrupt:
    print("accept interrupted")
a, b = socket.socketpair()
a.sendall(b'still works')
print(b.recv(100))
srv.close()
a.close()
b.close()
