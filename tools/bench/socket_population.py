#!/usr/bin/env python3
"""A population of loopback TCP connections for the storage benchmark, driven from stdin.

Run it inside a scratch network namespace (tools/bench/storage.sh does):

    socket_population.py --sockets 4000 [--keepalive SECONDS]

It listens on 127.0.0.1:8080 and opens sockets/2 connections to itself, so the namespace holds
that many established TCP sockets (both ends) plus the listener. Every socket has SO_KEEPALIVE,
so the kernel runs a keepalive timer on it whose countdown /proc/net/tcp prints. Then it reads
commands, one a line, and answers each with "ok" once done:

    churn N   close N connections chosen at random (with RST: no TIME_WAIT socket stays behind)
              and open N new ones
    quit      close everything and exit
"""
import argparse
import random
import socket
import struct
import sys

PORT = 8080


def tuned(sock, keepalive):
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, keepalive)
    return sock


def connect(listener, keepalive):
    client = tuned(socket.socket(socket.AF_INET, socket.SOCK_STREAM), keepalive)
    client.connect(("127.0.0.1", PORT))
    server, _ = listener.accept()
    return client, tuned(server, keepalive)


def reset(sock):
    # SO_LINGER with a zero timeout: close() sends RST and frees the socket at once.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sockets", type=int, default=4000)
    parser.add_argument("--keepalive", type=int, default=600, help="TCP_KEEPIDLE, seconds")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", PORT))
    listener.listen(1024)
    connections = [connect(listener, args.keepalive) for _ in range(args.sockets // 2)]
    print("ok", flush=True)

    for line in sys.stdin:
        words = line.split()
        if words[:1] == ["churn"]:
            count = min(int(words[1]), len(connections))
            for index in sorted(rng.sample(range(len(connections)), count), reverse=True):
                for sock in connections.pop(index):
                    reset(sock)
            connections += [connect(listener, args.keepalive) for _ in range(count)]
        elif words[:1] == ["quit"]:
            break
        else:
            print(f"unknown command: {line.strip()}", file=sys.stderr)
            return 2
        print("ok", flush=True)
    for pair in connections:
        for sock in pair:
            reset(sock)
    listener.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
