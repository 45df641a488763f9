# Ctrl-C while asyncio.run awaits Server.serve_forever(): the main task is
# cancelled, which closes the server, and run() raises KeyboardInterrupt.
import asyncio

server = None


async def handle(reader, writer):
    writer.close()


async def main():
    global server
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    print("ready", flush=True)
    try:
        await server.serve_forever()
    except asyncio.CancelledError:
        print("serve_forever cancelled, serving:", server.is_serving())
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt; sockets:", server.sockets)
