import { brandClass, hasBrand } from '../core/brand';
import { PropValidator } from '../core/validation';

/** A volume of a container group that containers can mount. */
export class Volume {
  /**
   * Whether `x` is a Volume, also one made by another copy of this library in node_modules (checked by a
   * `Symbol.for` brand, as the CDK core's `TerraformStack.isStack` does, not by `instanceof`).
   * @param x any value
   */
  public static isVolume(x: any): x is Volume {
    return hasBrand(x, 'Volume');
  }

  /** A scratch volume that lives as long as the container group. */
  public static emptyDir(name: string): Volume {
    const v = new PropValidator(undefined, 'Volume.emptyDir');
    v.isString('name', name, { required: true, example: "'scratch'" });
    v.throwIfAny();
    return new Volume(name, 'EmptyDirVolume');
  }

  /** An NFS share (for example a NAS mount target). */
  public static nfs(name: string, options: NfsVolumeOptions): Volume {
    const v = new PropValidator(undefined, 'Volume.nfs');
    v.isString('name', name, { required: true, example: "'share'" });
    if (v.isObject('options', options, { required: true, example: "{ server: 'xxxx.cn-huhehaote.nas.aliyuncs.com', path: '/' }" })) {
      v.isString('options.server', options.server, { required: true, example: "'xxxx.cn-huhehaote.nas.aliyuncs.com'" });
      v.isString('options.path', options.path, { required: true, example: "'/'" });
      v.isBoolean('options.readOnly', options.readOnly);
    }
    v.throwIfAny();
    return new Volume(name, 'NFSVolume', options);
  }

  /** Volume name, referenced by `ContainerVolumeMount.name`. */
  public readonly name: string;
  /** ECI volume type (`EmptyDirVolume`, `NFSVolume`). */
  public readonly type: string;
  /** NFS server (NFSVolume only). */
  public readonly nfsServer?: string;
  /** NFS path (NFSVolume only). */
  public readonly nfsPath?: string;
  /** NFS read-only flag (NFSVolume only). */
  public readonly nfsReadOnly?: boolean;

  private constructor(name: string, type: string, nfs?: NfsVolumeOptions) {
    this.name = name;
    this.type = type;
    this.nfsServer = nfs?.server;
    this.nfsPath = nfs?.path;
    this.nfsReadOnly = nfs ? nfs.readOnly ?? false : undefined;
  }
}
brandClass(Volume, 'Volume');

/** Options of an NFS volume. */
export interface NfsVolumeOptions {
  /** NFS server address, for example a NAS mount target `xxxx.cn-huhehaote.nas.aliyuncs.com`. */
  readonly server: string;
  /** Exported path, for example `/`. */
  readonly path: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}
