package org.silkroad.corridor.asset;

import org.silkroad.corridor.asset.domain.AssetKind;
import org.silkroad.corridor.status.domain.AssetStatus;

import java.util.Optional;

/** Which assets a list asks for; an empty field means any. {@code text} matches name, aliases and crossing sides. */
public record AssetFilter(Optional<AssetKind> kind, Optional<String> country, Optional<AssetStatus> status,
                          Optional<String> mode, Optional<String> text) {

    public static AssetFilter any() {
        return new AssetFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
