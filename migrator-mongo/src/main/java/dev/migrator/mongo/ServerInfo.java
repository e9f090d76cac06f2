package dev.migrator.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import org.bson.Document;

/**
 * What a session needs to know about the server it talks to.
 *
 * @param version      the server's version, such as {@code 7.0.14}
 * @param topology     such as {@code replica set rs0}, {@code sharded cluster} or {@code standalone}
 * @param transactions whether multi-document transactions can hold a migration
 */
record ServerInfo(String version, String topology, boolean transactions) {

    /** Asks the server; the first command also connects, so this is where a bad address or credential shows. */
    static ServerInfo probe(MongoClient client) {
        Document build = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
        String version = String.valueOf(build.get("version"));
        ClusterDescription cluster = client.getClusterDescription();
        // Sessions are advertised only where the server has them; a standalone mongod has sessions but never
        // transactions, which need a replica set (4.0+) or a sharded cluster (4.2+).
        boolean sessions = cluster.getLogicalSessionTimeoutMinutes() != null;
        String topology = "standalone";
        boolean transactions = false;
        for (ServerDescription server : cluster.getServerDescriptions()) {
            ServerType type = server.getType();
            if (type == ServerType.REPLICA_SET_PRIMARY) {
                topology = "replica set " + server.getSetName();
                transactions = sessions && atLeast(version, 4, 0);
            } else if (type == ServerType.SHARD_ROUTER) {
                topology = "sharded cluster";
                transactions = sessions && atLeast(version, 4, 2);
            } else if (type == ServerType.LOAD_BALANCER) {
                topology = "load-balanced cluster";
                transactions = true;
            }
        }
        return new ServerInfo(version, topology, transactions);
    }

    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[.-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || ma == major && mi >= minor;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
