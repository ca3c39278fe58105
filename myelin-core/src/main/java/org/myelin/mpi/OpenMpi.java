package org.myelin.mpi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Open MPI 4.1 bound through the Foreign Function and Memory API (no JNI, no {@code mpi.jar}):
 * {@code MPI_COMM_WORLD}, {@code MPI_INT}, {@code MPI_BYTE} and {@code MPI_DOUBLE} are, in Open
 * MPI's ABI, the addresses of the global objects {@code ompi_mpi_comm_world}, {@code ompi_mpi_int},
 * {@code ompi_mpi_byte} and {@code ompi_mpi_double}, looked up in {@code libmpi.so.40}. The library is opened with
 * {@code RTLD_GLOBAL} before it is used, because Open MPI's plug-ins (loaded by {@code MPI_Init})
 * resolve their symbols against it.
 *
 * <p>Errors return codes ({@code MPI_ERRORS_RETURN} is set on the world), and a failed call
 * throws an {@link MpiException} with {@code MPI_Error_string}'s text. The collectives copy the
 * Java arrays into native buffers that this object keeps and grows, so a call allocates nothing
 * once the buffers have reached the largest size used. Only the thread that initialised MPI may
 * call it ({@code MPI_THREAD_FUNNELED}).
 */
public final class OpenMpi implements Communicator
{
    /** The library's name; {@code MYELIN_MPI_LIBRARY} names another file. */
    static final String LIBRARY = "libmpi.so.40";
    private static final int RTLD_NOW = 0x2;
    private static final int RTLD_GLOBAL = 0x100;
    private static final int MPI_THREAD_FUNNELED = 1;
    /** Open MPI's {@code MPI_MAX_ERROR_STRING}. */
    private static final int MAX_ERROR_STRING = 256;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment world;
    private final MemorySegment intType;
    private final MemorySegment byteType;
    private final MemorySegment doubleType;
    private final MethodHandle finalizeCall;
    private final MethodHandle barrierCall;
    private final MethodHandle allgatherCall;
    private final MethodHandle allgathervCall;
    private final MethodHandle alltoallCall;
    private final MethodHandle alltoallvCall;
    private final MethodHandle abortCall;
    private final MethodHandle errorStringCall;
    private final int rank;
    private final int size;
    /** Native copies of the arrays a collective takes, grown as needed. */
    private final MemorySegment[] buffers = new MemorySegment[8];
    private boolean closed;

    private OpenMpi(final String library)
    {
        final Linker linker = Linker.nativeLinker();
        openGlobally(linker, library);
        final SymbolLookup mpi;
        try
        {
            mpi = SymbolLookup.libraryLookup(library, arena);
        }
        catch (final IllegalArgumentException e)
        {
            throw new MpiException("MPI: cannot load " + library + " (" + e.getMessage() + "); install Open MPI 4.1 "
                + "(Debian: apt-get install openmpi-bin libopenmpi-dev) or run without mpirun", -1);
        }
        world = symbol(mpi, "ompi_mpi_comm_world");
        intType = symbol(mpi, "ompi_mpi_int");
        byteType = symbol(mpi, "ompi_mpi_byte");
        doubleType = symbol(mpi, "ompi_mpi_double");
        errorStringCall = function(linker, mpi, "MPI_Error_string", JAVA_INT, ADDRESS, ADDRESS);
        final MethodHandle initThread = function(linker, mpi, "MPI_Init_thread", ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        finalizeCall = function(linker, mpi, "MPI_Finalize");
        barrierCall = function(linker, mpi, "MPI_Barrier", ADDRESS);
        allgatherCall = function(linker, mpi, "MPI_Allgather", ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
            ADDRESS);
        allgathervCall = function(linker, mpi, "MPI_Allgatherv", ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
            ADDRESS, ADDRESS);
        alltoallCall = function(linker, mpi, "MPI_Alltoall", ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS,
            ADDRESS);
        alltoallvCall = function(linker, mpi, "MPI_Alltoallv", ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
            ADDRESS, ADDRESS, ADDRESS);
        abortCall = function(linker, mpi, "MPI_Abort", ADDRESS, JAVA_INT);
        final MethodHandle setErrorHandler = function(linker, mpi, "MPI_Comm_set_errhandler", ADDRESS, ADDRESS);
        final MethodHandle commRank = function(linker, mpi, "MPI_Comm_rank", ADDRESS, ADDRESS);
        final MethodHandle commSize = function(linker, mpi, "MPI_Comm_size", ADDRESS, ADDRESS);
        final MemorySegment out = arena.allocate(JAVA_INT);
        check("MPI_Init_thread", invoke(initThread, MemorySegment.NULL, MemorySegment.NULL, MPI_THREAD_FUNNELED, out));
        check("MPI_Comm_set_errhandler", invoke(setErrorHandler, world, symbol(mpi, "ompi_mpi_errors_return")));
        check("MPI_Comm_rank", invoke(commRank, world, out));
        rank = out.get(JAVA_INT, 0);
        check("MPI_Comm_size", invoke(commSize, world, out));
        size = out.get(JAVA_INT, 0);
    }

    /**
     * Loads Open MPI and calls {@code MPI_Init_thread}; once per process.
     *
     * @throws MpiException if the library cannot be loaded or MPI cannot start.
     */
    public static OpenMpi initialize()
    {
        return initialize(System.getenv().getOrDefault("MYELIN_MPI_LIBRARY", LIBRARY));
    }

    /** {@link #initialize()} with the library {@code library} (a file name or path). */
    static OpenMpi initialize(final String library)
    {
        return new OpenMpi(library);
    }

    @Override
    public int rank()
    {
        return rank;
    }

    @Override
    public int size()
    {
        return size;
    }

    @Override
    public void barrier()
    {
        requireOpen();
        try
        {
            check("MPI_Barrier", (int) barrierCall.invokeExact(world));
        }
        catch (final Throwable e)
        {
            throw unchecked(e);
        }
    }

    @Override
    public void allgather(final int[] send, final int count, final int[] receive)
    {
        requireOpen();
        final MemorySegment out = ints(0, send, count);
        final MemorySegment in = buffer(1, (long) count * size * Integer.BYTES);
        try
        {
            check("MPI_Allgather", (int) allgatherCall.invokeExact(out, count, intType, in, count, intType, world));
        }
        catch (final Throwable e)
        {
            throw unchecked(e);
        }
        copyOut(in, receive, 0, count * size);
    }

    @Override
    public void allgatherv(final int[] send, final int sendCount, final int[] receive, final int[] counts,
        final int[] displacements)
    {
        requireOpen();
        final MemorySegment out = ints(0, send, sendCount);
        final MemorySegment in = buffer(1, (long) receive.length * Integer.BYTES);
        gatherv(out, sendCount, intType, in, counts, displacements);
        copyOut(in, receive, 0, extent(counts, displacements, receive.length));
    }

    @Override
    public void allgatherv(final byte[] send, final int sendCount, final byte[] receive, final int[] counts,
        final int[] displacements)
    {
        requireOpen();
        final MemorySegment out = buffer(0, Math.max(0, sendCount));
        MemorySegment.copy(send, 0, out, JAVA_BYTE, 0, Math.max(0, Math.min(sendCount, send.length)));
        final MemorySegment in = buffer(1, receive.length);
        gatherv(out, sendCount, byteType, in, counts, displacements);
        MemorySegment.copy(in, JAVA_BYTE, 0, receive, 0, extent(counts, displacements, receive.length));
    }

    @Override
    public void allgatherv(final double[] send, final int sendCount, final double[] receive, final int[] counts,
        final int[] displacements)
    {
        requireOpen();
        final MemorySegment out = buffer(0, (long) Math.max(0, sendCount) * Double.BYTES);
        MemorySegment.copy(send, 0, out, JAVA_DOUBLE, 0, Math.max(0, Math.min(sendCount, send.length)));
        final MemorySegment in = buffer(1, (long) receive.length * Double.BYTES);
        gatherv(out, sendCount, doubleType, in, counts, displacements);
        MemorySegment.copy(in, JAVA_DOUBLE, 0, receive, 0, extent(counts, displacements, receive.length));
    }

    @Override
    public void alltoall(final int[] send, final int count, final int[] receive)
    {
        requireOpen();
        final MemorySegment out = ints(0, send, count * size);
        final MemorySegment in = buffer(1, (long) count * size * Integer.BYTES);
        try
        {
            check("MPI_Alltoall", (int) alltoallCall.invokeExact(out, count, intType, in, count, intType, world));
        }
        catch (final Throwable e)
        {
            throw unchecked(e);
        }
        copyOut(in, receive, 0, count * size);
    }

    @Override
    public void alltoallv(final int[] send, final int[] sendCounts, final int[] sendDisplacements,
        final int[] receive, final int[] receiveCounts, final int[] receiveDisplacements)
    {
        requireOpen();
        final MemorySegment out = ints(0, send, send.length);
        final MemorySegment in = buffer(1, (long) receive.length * Integer.BYTES);
        final MemorySegment sendCountsOut = ints(2, sendCounts, size);
        final MemorySegment sendDisplacementsOut = ints(3, sendDisplacements, size);
        final MemorySegment receiveCountsOut = ints(4, receiveCounts, size);
        final MemorySegment receiveDisplacementsOut = ints(5, receiveDisplacements, size);
        try
        {
            check("MPI_Alltoallv", (int) alltoallvCall.invokeExact(out, sendCountsOut, sendDisplacementsOut, intType,
                in, receiveCountsOut, receiveDisplacementsOut, intType, world));
        }
        catch (final Throwable e)
        {
            throw unchecked(e);
        }
        copyOut(in, receive, 0, extent(receiveCounts, receiveDisplacements, receive.length));
    }

    @Override
    public void abort(final int exitCode)
    {
        invoke(abortCall, world, exitCode);
    }

    /** MPI_Finalize, once; later calls do nothing. */
    @Override
    public void close()
    {
        if (!closed)
        {
            closed = true;
            check("MPI_Finalize", invoke(finalizeCall));
        }
    }

    /** MPI's text for an error code, as {@code MPI_Error_string} gives it. */
    public String errorString(final int code)
    {
        try (Arena local = Arena.ofConfined())
        {
            final MemorySegment text = local.allocate(MAX_ERROR_STRING);
            final MemorySegment length = local.allocate(JAVA_INT);
            if (invoke(errorStringCall, code, text, length) != 0)
            {
                return "unknown MPI error";
            }
            return text.getString(0);
        }
    }

    private void gatherv(final MemorySegment out, final int sendCount, final MemorySegment type,
        final MemorySegment in, final int[] counts, final int[] displacements)
    {
        final MemorySegment countsOut = ints(2, counts, size);
        final MemorySegment displacementsOut = ints(3, displacements, size);
        try
        {
            check("MPI_Allgatherv", (int) allgathervCall.invokeExact(out, sendCount, type, in, countsOut,
                displacementsOut, type, world));
        }
        catch (final Throwable e)
        {
            throw unchecked(e);
        }
    }

    private void check(final String call, final int code)
    {
        if (code != 0)
        {
            throw new MpiException(call + " failed on rank " + (size == 0 ? "?" : rank) + ": " + errorString(code)
                + " (MPI error " + code + ")", code);
        }
    }

    private void requireOpen()
    {
        if (closed)
        {
            throw new MpiException("MPI: a collective was called after MPI_Finalize", -1);
        }
    }

    /** The highest element a receive may fill, so that only what MPI wrote is copied back (within bounds). */
    private int extent(final int[] counts, final int[] displacements, final int length)
    {
        int end = 0;
        for (int r = 0; r < size; r++)
        {
            end = Math.max(end, displacements[r] + Math.max(0, counts[r]));
        }
        return Math.min(end, length);
    }

    /** Buffer {@code slot} holding the first {@code count} ints of {@code values} (fewer if the array is shorter). */
    private MemorySegment ints(final int slot, final int[] values, final int count)
    {
        final MemorySegment segment = buffer(slot, (long) Math.max(0, count) * Integer.BYTES);
        MemorySegment.copy(values, 0, segment, JAVA_INT, 0, Math.max(0, Math.min(count, values.length)));
        return segment;
    }

    private static void copyOut(final MemorySegment in, final int[] receive, final int from, final int count)
    {
        MemorySegment.copy(in, JAVA_INT, (long) from * Integer.BYTES, receive, from, Math.min(count, receive.length));
    }

    /** Native buffer {@code slot}, at least {@code bytes} long (at least one int, so it is never null). */
    private MemorySegment buffer(final int slot, final long bytes)
    {
        final MemorySegment current = buffers[slot];
        if (current == null || current.byteSize() < bytes)
        {
            buffers[slot] = arena.allocate(Math.max(Integer.BYTES, Math.max(bytes, current == null ? 0
                : 2 * current.byteSize())), Long.BYTES);
        }
        return buffers[slot];
    }

    /** dlopen(library, RTLD_NOW | RTLD_GLOBAL), so that Open MPI's plug-ins find its symbols. */
    private static void openGlobally(final Linker linker, final String library)
    {
        final MemorySegment dlopen = linker.defaultLookup().find("dlopen").orElse(MemorySegment.NULL);
        if (dlopen.equals(MemorySegment.NULL))
        {
            return; // without dlopen (not glibc), the plug-ins may still resolve through libmpi's own links
        }
        final MethodHandle open = linker.downcallHandle(dlopen, FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        try (Arena local = Arena.ofConfined())
        {
            final MemorySegment handle = (MemorySegment) open.invokeExact(local.allocateFrom(library),
                RTLD_NOW | RTLD_GLOBAL);
            if (handle.equals(MemorySegment.NULL))
            {
                throw new MpiException("MPI: cannot load " + library + "; install Open MPI 4.1 (Debian: apt-get "
                    + "install openmpi-bin libopenmpi-dev) or run without mpirun", -1);
            }
        }
        catch (final MpiException e)
        {
            throw e;
        }
        catch (final Throwable e)
        {
            throw new IllegalStateException("dlopen of " + library + " failed", e);
        }
    }

    private static MemorySegment symbol(final SymbolLookup lookup, final String name)
    {
        return lookup.find(name).orElseThrow(() -> new MpiException("MPI: " + LIBRARY + " has no symbol '" + name
            + "'; this binding needs Open MPI 4.1 (another MPI's handles are not Open MPI's global objects)", -1));
    }

    /** A handle for {@code int name(arguments...)}. */
    private static MethodHandle function(final Linker linker, final SymbolLookup lookup, final String name,
        final ValueLayout... arguments)
    {
        return linker.downcallHandle(symbol(lookup, name), FunctionDescriptor.of(JAVA_INT, arguments));
    }

    /** A call made at start-up or on failure, where the boxing of a generic invocation does not matter. */
    private static int invoke(final MethodHandle call, final Object... arguments)
    {
        try
        {
            return (int) call.invokeWithArguments(arguments);
        }
        catch (final Throwable e)
        {
            throw unchecked(e);
        }
    }

    private static RuntimeException unchecked(final Throwable e)
    {
        if (e instanceof RuntimeException r)
        {
            return r;
        }
        if (e instanceof Error error)
        {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
