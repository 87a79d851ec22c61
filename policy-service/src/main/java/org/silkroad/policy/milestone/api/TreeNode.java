package org.silkroad.policy.milestone.api;

import java.util.List;

/** A milestone in the initiative tree (Belt and Road, Silk Road Economic Belt, its alignment with Nurly Zhol...). */
public record TreeNode(String id, String title, String category, String date, String dateEnd, String status,
                       List<TreeNode> children) {

    public record Ancestor(String id, String title) {
    }

    /** A subtree and the path from the root of the whole tree down to the subtree's top (root first). */
    public record Tree(List<Ancestor> ancestors, TreeNode root) {
    }
}
