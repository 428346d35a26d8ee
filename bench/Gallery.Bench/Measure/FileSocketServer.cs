using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gallery.Bench.Measure;

/// <summary>
/// The fastest HTTP server this machine can have for one file: reads a request, answers 200 with the file's length
/// and hands the file to the kernel (sendfile). What curl pulls from it is the ceiling any registry's blob GET can
/// reach here (loopback TCP, curl, the page cache), with no server work at all.
/// </summary>
public sealed class FileSocketServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly string _path;
    private readonly Thread _thread;

    public FileSocketServer(string path)
    {
        _path = path;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/file");
        _thread = new Thread(Accept) { IsBackground = true, Name = "file socket server" };
        _thread.Start();
    }

    public Uri Url { get; }

    public void Dispose()
    {
        _listener.Dispose();
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    private void Accept()
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            new Thread(() => Serve(connection)) { IsBackground = true, Name = "file socket connection" }.Start();
        }
    }

    /// <summary>One request per connection (curl opens one per process), then close.</summary>
    private void Serve(Socket connection)
    {
        using (connection)
        {
            try
            {
                var request = new byte[8192];
                var received = 0;
                while (received < request.Length && !Encoding.ASCII.GetString(request, 0, received).Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = connection.Receive(request, received, request.Length - received, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    received += read;
                }

                var length = new FileInfo(_path).Length;
                connection.Send(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"));
                connection.SendFile(_path);
                connection.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The client went away.
            }
        }
    }
}
